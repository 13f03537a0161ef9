"""The lesson deck read back with python-pptx: its length, no label before the reveal,
type a back row can read, continuations with content, the key-claims maps, the charts,
alternative text, titles, reading order and schema validity."""

from __future__ import annotations

import re

import pytest
from lxml import etree
from pptx.enum.shapes import MSO_SHAPE_TYPE

from debatekit.labels import labels_for
from debatekit.looks import KIND_LOOK, STATUS_LOOK
from debatekit.model import KINDS, STATUSES, Debate, Outline
from debatekit.present.keymap import KEY_CLAIMS, key_map, key_maps, key_order
from debatekit.present.mapboxes import Builder
from debatekit.slides import writer
from debatekit.slides.visual_slides import LESSON_MAP_STYLE
from debatekit.shape import dump, validate
from support import deck_bytes, long_outline, read, render, title_of

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
FOOTERS = ("Footer", "Slide number")
NUMBERED = re.compile(r"[（(](\d+)/(\d+)[)）]$")




def all_shapes(shapes):
    for shape in shapes:
        if shape.shape_type == MSO_SHAPE_TYPE.GROUP:
            yield shape
            yield from all_shapes(shape.shapes)
        else:
            yield shape


def descr(shape) -> str:
    return shape.element[0].find(f"{P}cNvPr").get("descr", "")


@pytest.fixture(scope="module", params=["zh", "en"])
def lesson(request, flagship):
    """(outline, lang, presentation) of the flagship's lesson deck."""
    return flagship.outline, request.param, read(deck_bytes("flagship", request.param))


def test_flagship_lesson_keeps_to_its_slide_budget(lesson, sample):
    outline, lang, prs = lesson
    assert writer.slide_budget(outline) == 40            # 90 minutes: one slide per 2.25
    assert 24 <= len(prs.slides) <= 40, (lang, len(prs.slides))
    short = read(deck_bytes("sample", lang))
    assert len(short.slides) <= writer.slide_budget(sample.outline) < 40


@pytest.mark.parametrize("minutes, budget", [(20, 12), (30, 13), (45, 20), (200, 40)])
def test_a_short_lesson_is_not_warned_about_slides_it_cannot_cut(sample, minutes, budget):
    """The sample's 15 slides are 15 parts, a slide each: shorter it cannot get."""
    outline = sample.outline.model_copy(
        update={"lesson": sample.outline.lesson.model_copy(update={"minutes": minutes})})
    assert writer.slide_budget(outline) == budget
    warnings: list[str] = []
    titles = [title_of(s) for s in read(render(outline, "en", article=sample.article,
                                                warn=warnings.append)).slides]
    assert not warnings
    assert len(titles) <= budget or not [t for t in titles if "/" in t], titles


def test_a_lesson_over_its_budget_says_what_to_cut():
    """Continuations the teacher can cut (a long exercise) still warn, and say how; where
    the parts alone (a slide each) outnumber the budget, the warning says the exercise
    cannot be enough."""
    outline = long_outline()
    outline = outline.model_copy(update={"lesson": outline.lesson.model_copy(update={"minutes": 20})})
    warnings: list[str] = []
    prs = read(render(outline, "en", warn=warnings.append))
    assert len(prs.slides) > 12
    # no `lesson.exercise` to shorten: the default pick chose the 12 statements; 15 parts
    assert warnings == [f"the lesson has {len(prs.slides)} slides, more than the 12 its minutes "
                        "allow (one per 2.25 minutes, at most 40): a shorter exercise helps (give "
                        "a `lesson.exercise` of fewer than the 12 statements the default pick "
                        "chose), but its 15 parts (a map per strand, a chart per figure, each "
                        "debate, ...) take a slide each, so only more `lesson.minutes` or fewer "
                        "strands, figures or debates bring it within 12"]
    given = outline.model_copy(update={"lesson": outline.lesson.model_copy(
        update={"exercise": tuple(c.id for c in outline.exercise_claims), "minutes": 35})})
    warnings.clear()
    prs = read(render(given, "en", warn=warnings.append))
    assert warnings == [f"the lesson has {len(prs.slides)} slides, more than the 16 its minutes "
                        "allow (one per 2.25 minutes, at most 40): shorten `lesson.exercise` or "
                        "give the lesson more `lesson.minutes`"]
    assert warnings[0].at == "lesson.minutes"      # the build names that line
    unset = given.model_copy(update={"lesson": given.lesson.model_copy(update={"minutes": None})})
    warnings.clear()
    prs = read(render(unset, "en", warn=warnings.append))
    assert warnings == [f"the lesson has {len(prs.slides)} slides, more than the 20 a lesson of 45 "
                        "minutes allows (one per 2.25 minutes; `lesson.minutes` is not given): "
                        "shorten `lesson.exercise` or give `lesson.minutes`"]


def test_the_exercise_and_reveal_set_last_stand_in_their_place_numbered_right(sample):
    """The exercise and the reveal are made after the other slides (their setting depends
    on how many those take) and moved into place: the order, the titles' numbering and
    every footer's slide number must read as if they had been made in order."""
    outline = sample.outline.model_copy(
        update={"lesson": sample.outline.lesson.model_copy(update={"minutes": 20})})
    prs = read(render(outline, "en", article=sample.article))
    w = labels_for(outline, "en")
    titles = [title_of(s) for s in prs.slides]
    first = next(i for i, t in enumerate(titles) if t.startswith(w["exercise"]))
    assert titles[first - 1] == w["badge_key"]
    reveal = next(i for i, t in enumerate(titles) if t.startswith(w["reveal"]))
    assert all(t.startswith(w["exercise"]) for t in titles[first:reveal])
    after = next(t for t in titles[reveal:] if not t.startswith(w["reveal"]))
    assert after == w["thesis"] and titles.index(after) == titles.index(w["thesis"])
    for number, slide in enumerate(prs.slides, 1):
        shown = next(s for s in slide.shapes if s.name == "Slide number").text_frame.text
        assert shown == str(number), (number, shown)


def test_the_lesson_runs_in_teaching_order(lesson):
    outline, lang, prs = lesson
    w = labels_for(outline, lang)
    titles = [title_of(s) for s in prs.slides]
    order = [w["about_source"], w["objectives"], w["badge_key"], w["exercise"], w["reveal"],
             w["thesis"], f"{w['strand']} 1", outline.figures[0].title[lang], w["balance"], w["debate"],
             w["discussion"], w["exit_ticket"], w["glossary"], w["source_credits"]]
    firsts = [next(i for i, t in enumerate(titles) if t.startswith(want)) for want in order]
    assert firsts == sorted(firsts), titles
    # one map per strand, titled by the strand
    for i, strand in enumerate(outline.strands, 1):
        assert sum(t.startswith(f"{w['strand']} {i}") and strand.title[lang] in t
                   for t in titles) == 1


def _label_words(w) -> list[str]:
    words = [w[k] for k in KINDS] + [w["fact_short"]] + [w[s] for s in STATUSES]
    words += [KIND_LOOK[k].symbol for k in KINDS] + [STATUS_LOOK[s].symbol for s in STATUSES]
    return words


def _visible_texts(slide) -> list[str]:
    """What a class sees on a slide, and what a screen reader reads of its pictures,
    the slide's title aside (the exercise's title is the question itself)."""
    texts = []
    for shape in all_shapes(slide.shapes):
        if shape.name in FOOTERS or shape == slide.shapes.title or shape.name == "Title":
            continue
        if shape.has_text_frame and shape.text_frame.text.strip():
            texts.append(shape.text_frame.text)
        if descr(shape):
            texts.append(descr(shape))
        if getattr(shape, "has_chart", False) and shape.has_chart:
            texts.append("chart")
    return texts


def test_no_label_before_its_reveal(lesson):
    outline, lang, prs = lesson
    w = labels_for(outline, lang)
    slides = list(prs.slides)
    reveal_of = {}
    for index, slide in enumerate(slides):
        for shape in slide.shapes:
            found = re.fullmatch(r"Answer (\d+)", shape.name)
            if found:
                reveal_of[int(found.group(1))] = index
    exercise = outline.exercise_claims
    assert sorted(reveal_of) == list(range(1, len(exercise) + 1))
    first_reveal = min(reveal_of.values())
    words = _label_words(w)
    for index, slide in enumerate(slides[:first_reveal]):
        names = [s.name for s in all_shapes(slide.shapes)]
        texts = _visible_texts(slide)
        statement_slide = any(re.fullmatch(r"Statement \d+", n) for n in names)
        # no map, chart or badge of a statement before the reveal; the badge key (the
        # kinds in general, before any statement is shown) is the one slide with badges
        assert "chart" not in texts, index
        assert not any(n.startswith(("Argument map", "Key claims map")) for n in names), index
        if title_of(slide).startswith(w["badge_key"]):
            continue
        assert not any(n.startswith(("Badge ", "Status ")) for n in names), (index, names)
        if statement_slide:
            for text in texts:
                for word in words:
                    assert word not in text, (lang, index + 1, word, text)
    # each statement is shown before its own reveal, never after it on an exercise slide
    for n, claim in enumerate(exercise, 1):
        shown = [i for i, s in enumerate(slides) for shape in s.shapes
                 if shape.name == f"Statement {n}"]
        assert shown and max(shown) < reveal_of[n]
        answer = " ".join(s.text_frame.text for s in slides[reveal_of[n]].shapes if s.has_text_frame)
        assert w[claim.kind] in answer
        if claim.fact_status:
            assert w[claim.fact_status] in answer
        for alt in claim.accept:
            assert w["also_accept"] in answer and w[alt.kind] in answer


def test_english_statements_show_the_quote_with_its_translation(flagship):
    outline = flagship.outline
    prs = read(deck_bytes("flagship", "en"))
    statements = {shape.name: shape.text_frame.text for slide in prs.slides
                  for shape in slide.shapes if re.fullmatch(r"Statement \d+", shape.name)}
    squash = lambda text: re.sub(r"\s+", "", text)  # noqa: E731
    for n, claim in enumerate(outline.exercise_claims, 1):
        text = squash(statements[f"Statement {n}"])
        assert squash(claim.quote) in text.replace("‘", "“").replace("’", "”") or \
            squash(claim.quote.replace("“", "‘").replace("”", "’")) in text
        translation = claim.quote_translation.get("en")
        if translation:
            assert squash(translation.replace("“", "‘").replace("”", "’")) in text
        else:
            assert squash(claim.text["en"]) in text
        assert re.search(r"¶\d+", text)         # the paragraph, to find it in the article


def test_a_reveal_statement_is_cut_only_when_that_saves_a_line(lesson):
    """The reveal repeats each statement beside its badges, cut to a reminder; a cut that
    saves no line only hides words ("41 percent oppose…" for "… oppose it")."""
    outline, lang, prs = lesson
    heads = {shape.name: shape.text_frame.text.rsplit("\u00a0·\u00a0#", 1)[0] for slide in prs.slides
             for shape in slide.shapes if re.fullmatch(r"Answer \d+", shape.name)}
    whole = {"en": ["trump-channel", "shop-europe-2026"],
             "zh": ["ban-as-distraction", "economic-loss"]}[lang]
    for n, claim in enumerate(outline.exercise_claims, 1):
        if claim.id in whole:
            assert heads[f"Answer {n}"] == f"{n}. {claim.text[lang]}", (lang, n)
    # a statement too long for its lines is still cut (the flagship's Chinese ones all fit)
    assert any(text.endswith("…") for text in heads.values()) == (lang == "en")


def test_no_quotation_mark_is_doubled_on_slides_or_in_notes(lesson):
    _, lang, prs = lesson
    for number, slide in enumerate(prs.slides, 1):
        texts = [*_visible_texts(slide), slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""]
        doubled = [t for t in texts if "””" in t or "““" in t]
        assert not doubled, f"{lang} slide {number}: {doubled[0][:80]}"


def test_map_notes_name_the_links_they_leave_out_as_such(lesson):
    """Links to other strands a map does not draw are listed as left out, not under the
    legend's words for a reference box (their claims may be on no map at all)."""
    outline, lang, prs = lesson
    w = labels_for(outline, lang)
    notes = [s.notes_slide.notes_text_frame.text for s in prs.slides if s.has_notes_slide]
    assert not [n for n in notes if w["map_reference"] in n]
    assert [n for n in notes if w["map_links_out"] in n]


def test_a_signal_word_glossed_with_itself_is_not_shown_twice(flagship):
    from debatekit.job import Job
    from debatekit.slides.deck import Deck
    from debatekit.slides.reveal import signal_gloss

    d = dump(flagship.outline)
    claim = next(c for c in flagship.outline.claims if c.signals)
    word = claim.signals[0]
    d["glossary"] = [*d["glossary"], {"term": {"zh": word, "en": f"{word} (key variable)"},
                                           "definition": {"zh": "说明", "en": "A note."}}]
    outline = validate(Outline, d)
    shown = signal_gloss(Deck(Job(outline, "en", article=flagship.article)), outline.claim(claim.id))
    assert f"{word} (key variable)" in shown and f"{word} ({word}" not in shown


def test_each_answer_names_its_statement_as_the_maps_number_it(lesson):
    """The exercise numbers its statements 1 to 15; the maps and captions number the
    article's claims. The reveal gives both, so "#9" on a map finds statement 4."""
    outline, _, prs = lesson
    heads = {s.name: s.text_frame.text for slide in prs.slides for s in slide.shapes
             if re.fullmatch(r"Answer \d+", s.name)}
    assert len(heads) == len(outline.exercise_claims)
    for n, claim in enumerate(outline.exercise_claims, 1):
        assert heads[f"Answer {n}"].rstrip().endswith(f"·\u00a0#{outline.claim_number(claim.id)}")


def test_every_run_on_a_slide_is_at_least_18_points(lesson):
    outline, lang, prs = lesson
    for index, slide in enumerate(prs.slides, 1):
        for shape in all_shapes(slide.shapes):
            if shape.name in FOOTERS or not shape.has_text_frame:
                continue
            for r in shape.text_frame._txBody.iter(f"{A}r"):
                size = r.find(f"{A}rPr").get("sz")
                assert size is not None and int(size) >= 1800, (lang, index, shape.name, r.findtext(f"{A}t"))


def test_chart_text_is_readable(lesson):
    _, lang, prs = lesson
    charts = [s.chart for slide in prs.slides for s in slide.shapes if s.has_chart]
    assert len(charts) >= 2
    for chart in charts:
        space = chart._chartSpace
        for rpr in space.iter(f"{A}defRPr", f"{A}rPr"):
            in_labels = any(a.tag in (f"{C}dLbls", f"{C}dLbl", f"{C}catAx", f"{C}valAx")
                            and rpr in a.iter() for a in rpr.iterancestors())
            floor = 1400 if in_labels else 1800
            if rpr.get("sz") is not None:
                assert int(rpr.get("sz")) >= floor, (lang, etree.tostring(rpr)[:80])
        assert not chart.has_title                      # the slide title names the chart
        ids = [int(e.get("val")) for e in space.iter(f"{C}axId")]
        assert ids and all(i > 0 for i in ids)          # positive: the schema's unsigned int


def test_continuations_carry_more_than_one_item(lesson):
    outline, lang, prs = lesson
    for index, slide in enumerate(prs.slides, 1):
        names = [s.name for s in slide.shapes]
        items = [n for n in names if re.fullmatch(r"(Statement|Exit) \d+", n)]
        numbered = NUMBERED.search(title_of(slide))
        if items:
            total = len(outline.exercise_claims)
            assert len(items) >= 2 or total == 1, (lang, index)
        elif numbered and int(numbered.group(1)) > 1 and "Answer 1" not in names:
            answers = [n for n in names if re.fullmatch(r"Answer \d+", n)]
            if answers:
                continue                        # a reveal may hold one tall answer
            paragraphs = [p for s in slide.shapes if s.has_text_frame and s.name not in FOOTERS
                          and s != slide.shapes.title and s.name != "Title"
                          for p in s.text_frame.paragraphs if p.text.strip()]
            assert len(paragraphs) >= 2, (lang, index, title_of(slide))


def test_titles_are_unique_and_read_first_footer_last(lesson):
    _, lang, prs = lesson
    titles = [title_of(s) for s in prs.slides]
    assert len(set(titles)) == len(titles), titles
    for slide in prs.slides:
        shapes = list(slide.shapes)
        assert shapes[0] == slide.shapes.title or shapes[0].name == "Title"
        assert [s.name for s in shapes[-2:]] == ["Footer", "Slide number"]


def test_charts_maps_and_pictures_have_alternative_text(lesson):
    outline, lang, prs = lesson
    w = labels_for(outline, lang)
    maps = charts = 0
    for slide in prs.slides:
        for shape in slide.shapes:
            if shape.shape_type == MSO_SHAPE_TYPE.GROUP or shape.shape_type == MSO_SHAPE_TYPE.PICTURE \
                    or getattr(shape, "has_chart", False):
                text = descr(shape)
                assert len(text) > 20, (lang, shape.name)
                if shape.shape_type == MSO_SHAPE_TYPE.GROUP:
                    maps += 1
                    assert re.search(rf"#\d+ {re.escape(w['supports'])} #\d+", text) or \
                        "#" in text
                elif shape.has_chart:
                    charts += 1
                    for category in shape.chart.plots[0].categories:
                        assert str(category) in text
    assert maps == len(outline.strands) and charts == len(outline.figures) + 1


def test_decorative_shapes_are_marked(lesson):
    _, _, prs = lesson
    marked = 0
    for slide in prs.slides:
        for shape in slide.shapes:
            if shape.name in ("Title rule", "Accent band", "Motion bar") or shape.name.startswith("Side "):
                if shape.name.endswith(" label"):
                    continue
                ext = shape.element[0].find(f"{P}cNvPr").find(f"{A}extLst")
                assert ext is not None and b"decorative" in etree.tostring(ext), shape.name
                marked += 1
    assert marked > 10


def test_key_maps_are_small_readable_and_rooted(flagship):
    outline = flagship.outline
    for lang in outline.languages:
        for i, strand in enumerate(outline.strands):
            keymap = key_map(outline, lang, i, 864, 370, LESSON_MAP_STYLE, "t")
            page = keymap.page
            claims = [n for n in page.nodes if n.role == "claim"]
            assert 1 <= len(claims) <= KEY_CLAIMS
            assert len(claims) >= min(4, len(strand.claims)), (lang, strand.id)
            own = {c.id for c in strand.claims}
            for node in page.nodes:
                assert node.body_size >= 18 and node.heading_size >= 18
                assert len(node.heading) == 1, node.heading     # the badge line never breaks
                if node.role == "ref":
                    assert node.id not in own                   # never points to its own strand
            main = key_order(Builder(outline, lang, 864, 370, LESSON_MAP_STYLE), i)[0]
            # the main claim is in the top row: no box sits above it
            assert not any(n.y + n.height <= page.node(main.id).y for n in page.nodes), \
                (lang, strand.id)
            for item in page.legend:
                assert item.size >= 18
            # in a strand with links, no claim stands alone on its map: each is drawn
            # with at least one of its links
            linked_strand = any(t in own for c in strand.claims for t in (*c.supports, *c.challenges))
            if linked_strand:
                ends = {e.source for e in page.edges} | {e.target for e in page.edges}
                assert all(n.id in ends for n in claims), (lang, strand.id)
            boxes = {n.id: n for n in page.nodes}
            for edge in page.edges:
                for (x1, y1), (x2, y2) in zip(edge.points, edge.points[1:]):
                    for node in page.nodes:
                        if node.id in (edge.source, edge.target):
                            continue
                        assert not _crosses(x1, y1, x2, y2, node), (lang, edge, node.id)
                assert edge.source in boxes and edge.target in boxes


def test_the_decks_key_maps_of_all_strands_are_each_strands_own(flagship):
    """The deck lays out every strand's map with one shared builder; nothing a strand's
    search leaves in it may change another strand's map."""
    outline = flagship.outline
    titles = [f"t{i}" for i in range(len(outline.strands))]
    for lang in outline.languages:
        together = key_maps(outline, lang, 864, 370, LESSON_MAP_STYLE, titles)
        drawn = {c for m in together for c in m.page.claims}
        alone = [key_map(outline, lang, i, 864, 370, LESSON_MAP_STYLE, title, refs_to=drawn)
                 for i, title in enumerate(titles)]
        assert together == alone, lang


def test_a_deep_chain_of_claims_fills_its_map():
    """Claims each answering the one before: narrow boxes stacked that deep do not fit,
    and the map once showed two of six claims on a half-empty slide. Wider boxes take
    fewer lines, so more rows fit (the layout widens the rows with room to spare)."""
    rows = [("vote", "fact", (), (), "The council voted 5 to 2 to close Main Street to cars "
             "on Sundays, May to September."),
            ("best", "opinion", ("vote",), (), "Jo Park calls the plan the best idea in a decade."),
            ("signatures", "fact", (), ("best",), "Shop owners collected 340 signatures against "
             "the closure."),
            ("cars", "fact", (), (), "About 4,100 cars use Main Street on an average Sunday."),
            ("sales", "prediction", ("best",), ("signatures",), "The mayor expects Sunday sales to rise."),
            ("side", "prediction", (), ("sales",), "Critics expect traffic to move onto quiet side streets.")]
    claims = [{"id": i, "kind": kind, "text": text, "why": "The article says so.",
               "supports": list(sup), "challenges": list(chal),
               **({"status": "stated"} if kind == "fact" else {})}
              for i, kind, sup, chal, text in rows]
    outline = validate(Outline, {
        "format": "debatekit/1", "id": "chain", "languages": ["en"], "title": "Main Street",
        "source": {"path": "none.txt", "title": "Main Street", "publisher": "example.org",
                   "language": "en", "published": "2026"},
        "thesis": "Closing Main Street on Sundays is good for the town.",
        "strands": [{"id": "s", "title": "The vote", "claims": claims}]})
    narrow = key_map(outline, "en", 0, 864, 370, LESSON_MAP_STYLE, "t")
    (chosen,) = key_maps(outline, "en", 864, 370, LESSON_MAP_STYLE, ["t"])
    assert len(chosen.page.claims) >= 3 and len(narrow.page.claims) >= 3
    assert set(narrow.page.claims) <= set(chosen.page.claims)
    # the chain's conclusion heads it, though "best" is the more supported claim
    page = chosen.page
    assert page.claims[0] == "vote"
    assert not [n for n in page.nodes if n.y + n.height <= page.node("vote").y]


def test_a_reference_box_points_to_a_map_that_draws_its_claim(lesson):
    """"→ Strand 1" sends the class to strand 1's map: the claim must be drawn there (the
    flagship's Chinese closing strand once pointed to a claim strand 1's map left out)."""
    outline, lang, prs = lesson
    drawn, refs = set(), []
    for number, slide in enumerate(prs.slides, 1):
        for group in slide.shapes:
            if group.shape_type == MSO_SHAPE_TYPE.GROUP and group.name.startswith("Key claims"):
                for shape in group.shapes:
                    role, _, claim_id = shape.name.partition(" ")
                    if role == "claim":
                        drawn.add(claim_id)
                    elif role == "ref":
                        refs.append((number, claim_id))
    assert refs                          # the flagship's maps do show other strands' claims
    assert [r for r in refs if r[1] not in drawn] == [], lang


def _crosses(x1, y1, x2, y2, node, inset=1.0) -> bool:
    """Whether an axis-parallel segment passes through a box's inside."""
    left, right = node.x + inset, node.x + node.width - inset
    top, bottom = node.y + inset, node.y + node.height - inset
    if x1 == x2:
        return left < x1 < right and min(y1, y2) < bottom and max(y1, y2) > top
    if y1 == y2:
        return top < y1 < bottom and min(x1, x2) < right and max(x1, x2) > left
    return False


def test_challenges_are_dashed_on_the_lesson_maps(lesson):
    _, _, prs = lesson
    seen = set()
    for slide in prs.slides:
        for group in slide.shapes:
            if not group.name.startswith("Key claims map"):
                continue
            for shape in group.shapes:
                relation = shape.name.split(" ")[0]
                if shape.name.endswith(" line") and relation in ("supports", "challenges"):
                    dashed = shape.element.find(f".//{A}prstDash") is not None
                    assert dashed == (relation == "challenges")
                    seen.add(relation)
    assert "supports" in seen


def test_exit_ticket_holds_new_statements_of_different_kinds(lesson):
    outline, lang, prs = lesson
    w = labels_for(outline, lang)
    slide = next(s for s in prs.slides if title_of(s).startswith(w["exit_ticket"]))
    texts = [s.text_frame.text for s in slide.shapes if re.fullmatch(r"Exit \d+", s.name)]
    assert 2 <= len(texts) <= 3
    notes = slide.notes_slide.notes_text_frame.text
    exercise = {c.id for c in outline.exercise_claims}
    kinds = set()
    for claim in outline.extension_claims:
        if any(claim.text[lang] in t or (claim.quote and claim.quote in t) for t in texts):
            assert claim.id not in exercise
            kinds.add(claim.kind)
            assert w[claim.kind] in notes                # the answer, for the teacher only
    assert len(kinds) == len(texts) and len(kinds) >= 2
    for text in texts:
        for word in _label_words(w):
            assert word not in text


def test_full_deck_appends_the_walk_through(sample):
    lesson_deck = read(deck_bytes("sample", "en"))
    full = read(deck_bytes("sample", "en", "full"))
    w = labels_for(sample.outline, "en")
    lesson_titles = [title_of(s) for s in lesson_deck.slides]
    full_titles = [title_of(s) for s in full.slides]
    assert len(full_titles) > len(lesson_titles)
    assert w["appendix"] in full_titles[len(lesson_titles):]
    assert not any(s.name.startswith("Claim ") for slide in lesson_deck.slides for s in slide.shapes)
    claims = {s.name[6:] for slide in full.slides for s in slide.shapes if s.name.startswith("Claim ")}
    assert claims == {c.id for c in sample.outline.claims}
    # the outline can ask for it too
    outline = sample.outline.model_copy(update={"style": sample.outline.style.model_copy(
        update={"deck": "full"})})
    assert len(read(render(outline, "en", article=sample.article)).slides) == len(full_titles)


@pytest.mark.slow
def test_the_deck_validates_against_the_office_schema(flagship, tmp_path):
    audit = pytest.importorskip("openxml_audit")
    for lang in flagship.outline.languages:
        for mode in ("lesson", "full"):
            path = tmp_path / f"{lang}-{mode}.pptx"
            path.write_bytes(deck_bytes("flagship", lang, mode))
            result = audit.validate_pptx(str(path))
            assert result.is_valid and not result.errors, [str(e) for e in result.errors[:5]]


def test_no_reference_box_names_its_own_strand(flagship):
    """On the appendix's (and the handout's) strand maps, a claim of the same strand drawn
    on another page of its map is pointed to by that page, "→ (2/3)", never by the strand
    the reader is already in."""
    from debatekit.model import Outline
    from debatekit.present import argmap
    from support import SEED

    claims = [{"id": "c0", "kind": "opinion", "text": "The main claim of the strand."}]
    claims += [{"id": f"c{i}", "kind": "fact", "supports": ["c0"],
                "text": f"Supporting fact number {i}, which says rather more than it needs to."}
               for i in range(1, 25)]
    star = validate(Outline, {
        "format": "debatekit/1", "id": "star", "languages": ["en"], "title": "A star",
        "source": {"path": SEED.as_posix(), "title": "t", "publisher": "p", "language": "zh"},
        "thesis": "A thesis.", "strands": [{"id": "s", "title": "One strand", "claims": claims},
                                           {"id": "t", "title": "Two", "claims": [
                                               {"id": "d", "kind": "fact", "text": "Other."}]}]})
    for outline, lang in ((flagship.outline, "en"), (flagship.outline, "zh"), (star, "en")):
        w = labels_for(outline, lang)
        split = 0
        for page in argmap.map_pages(outline, lang, 864, 380, argmap.MapStyle(body_size=14.0)):
            if page.kind != "strand":
                continue
            number = outline.strand_number(page.strand)
            for node in page.nodes:
                if node.role == "ref" and outline.strand_of(node.id).id == page.strand:
                    split += 1
                    assert f"{w['strand']}\u00a0{number}" not in node.body_text
                    assert re.search(r"\d+/\d+", node.body_text), node.body_text
        if outline.id == "star":
            assert split                 # the star's strand spans pages that point at c0


PLACEHOLDER = re.compile(r"\{[a-z_]+(:[^{}]*)?\}")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_no_slide_or_note_shows_an_unfilled_placeholder(lang):
    """The tool's words are filled in everywhere, counts' words too: the cover says
    "45 minutes", never "45 {n:minute|minutes}"."""
    prs = read(deck_bytes("sample", lang, "full"))
    leftovers = []
    for number, slide in enumerate(prs.slides, 1):
        texts = [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]
        if slide.has_notes_slide:
            texts.append(slide.notes_slide.notes_text_frame.text)
        leftovers += [(number, m.group(0)) for text in texts for m in PLACEHOLDER.finditer(text)]
    assert leftovers == []
    cover = " ".join(s.text_frame.text for s in prs.slides[0].shapes if s.has_text_frame)
    assert ("45 minutes" if lang == "en" else "45") in cover


def test_the_exit_ticket_asks_about_statements_no_slide_has_labelled(lesson):
    """The exit ticket's statements are new to the class: none is on a map (with its
    kind's badge) or among the debates' points before it."""
    outline, lang, prs = lesson
    asked_ids, on_maps = _ticket_and_maps(outline, lang, prs)
    debated = {p.claim for d in outline.debates for p in (*d.pro, *d.con) if p.claim}
    asked = [outline.claim(i) for i in asked_ids]
    assert len(asked) >= 2
    assert [outline.claim_number(c.id) for c in asked if outline.claim_number(c.id) in on_maps] == []
    assert [c.id for c in asked if c.id in debated] == []


def _ticket_and_maps(outline, lang, prs) -> tuple[list[str], set[int]]:
    """(the ids of the exit ticket's claims, the claim numbers the key-claims maps show)."""
    w = labels_for(outline, lang)
    on_maps: set[int] = set()
    ticket = ""
    for slide in prs.slides:
        for shape in slide.shapes:
            if shape.name.startswith("Key claims map"):
                on_maps |= {int(n) for s in all_shapes(shape.shapes) if s.has_text_frame
                            for n in re.findall(r"#(\d+)", s.text_frame.text)}
        if title_of(slide).startswith(w["exit_ticket"]):
            ticket += " ".join(s.text_frame.text for s in slide.shapes if s.has_text_frame)
    return [c.id for c in outline.claims if c.text[lang] in " ".join(ticket.split())], on_maps


def test_a_bilingual_class_gets_one_exit_ticket(flagship):
    """The English and the Chinese maps draw different claims (each language fits its own
    words), and the ticket used to avoid only its own deck's and pick the shortest text in
    its own language: it asked about different claims in each. The pick is the same in
    both and on neither language's maps."""
    outline = flagship.outline
    asked, mapped = {}, set()
    for lang in outline.languages:
        asked[lang], on_maps = _ticket_and_maps(outline, lang, read(deck_bytes("flagship", lang)))
        mapped |= on_maps
    assert len(asked["en"]) >= 2 and asked["en"] == asked["zh"]
    assert [c for c in asked["en"] if outline.claim_number(c) in mapped] == []


def test_a_debate_in_full_never_leaves_one_point_alone_on_its_last_slide():
    """For: two points on the first page; against: one on each page. The last page
    would hold the against side's second point alone: the for side's second moves to it."""
    from debatekit.slides.debates import _fill_last_page

    sides = [[["pro 1", "pro 2"]], [["con 1"], ["con 2"]]]
    _fill_last_page(sides)
    assert sides == [[["pro 1"], ["pro 2"]], [["con 1"], ["con 2"]]]
    # one point a page on each side: nothing can move without emptying a page
    sides = [[["pro 1"], ["pro 2"]], [["con 1"]]]
    _fill_last_page(sides)
    assert sides == [[["pro 1"], ["pro 2"]], [["con 1"], []]]


def test_a_debate_in_full_spreads_each_side_over_its_slides():
    """The for side's three points need a slide each (each checked fact's two badges
    stacked); the against side's three would fit on two. Spread over the same three
    slides, every slide holds a point of each side, never the for side's last one alone."""
    long = "The air on Market Street broke the legal limit again last year, the city's own station says."
    claims = [{"id": f"f{i}", "kind": "fact", "status": "verified", "text": long,
               "check": {"note": "Checked.", "sources": ["City air data"]}} for i in range(2)]
    claims += [{"id": f"o{i}", "kind": "opinion", "text": "Shops live on customers who drive in."}
               for i in range(2)]
    outline = _bus_outline(claims).model_copy(update={"debates": ()})
    outline = validate(Outline, {**dump(outline, mode="json", exclude_none=True), "debates": [{
        "id": "ban", "motion": {"en": "This house would close the old town to cars",
                                "zh": "本院主张老城禁车"},
        "pro": [{"claim": "f0", "use": {"en": long, "zh": "空气超标。"}},
                {"claim": "f1", "use": {"en": long, "zh": "空气超标。"}},
                {"point": {"en": long, "zh": "市中心属于每个人。"}, "kind": "opinion"}],
        "con": [{"claim": "o0"}, {"claim": "o1"},
                {"point": {"en": "The ring road already carries 30,000 vehicles a day.",
                           "zh": "环城路每天三万辆车。"}, "kind": "fact", "sources": ["Counts"]}],
    }]})
    deck = read(render(outline, "en", deck="full"))
    w = labels_for(outline, "en")
    pages = [slide for slide in deck.slides if title_of(slide).startswith(w["debate"])
             and any(s.name.startswith("Point ") for s in slide.shapes)]
    assert len(pages) >= 2
    for slide in pages:
        names = [s.name for s in slide.shapes]
        assert names.count("Point pro") >= 1 and names.count("Point con") >= 1, title_of(slide)


def _bus_outline(claims: list[dict], figures: list[dict] = ()) -> Outline:
    """An English article taught in English and Chinese."""
    both = lambda en, zh: {"en": en, "zh": zh}  # noqa: E731
    return validate(Outline, {
        "format": "debatekit/1", "id": "buses", "languages": ["en", "zh"],
        "title": both("Electric buses", "电动公交"),
        "source": {"path": "none.txt", "title": "Riverton bets on electric buses",
                   "publisher": "Riverton Gazette", "language": "en"},
        "thesis": both("The switch is a bet on the grid.", "更换是对电网的押注。"),
        "strands": [{"id": "s", "title": both("Costs", "代价"), "claims": claims}],
        "figures": list(figures),
    })


def _bus_claims() -> list[dict]:
    return [{"id": f"c{i}", "kind": ("fact", "opinion", "prediction")[i % 3],
             "text": {"en": f"Statement {i}.", "zh": f"陈述{i}。"}} for i in range(6)]


def test_a_quote_copied_with_its_own_quotation_marks_is_not_quoted_twice():
    """A quote that is a speaker's whole sentence, marks and all, and its translation
    written the same way, are each set in one pair of marks on the exercise slide."""
    claims = _bus_claims()
    claims[1].update(
        quote="\"They keep saying 'zero emissions', but the grid still burns coal.\"",
        quote_translation={"zh": "“他们总说‘零排放’，可是电网仍在烧煤。”"})
    prs = read(render(_bus_outline(claims), "zh"))
    statement = next(shape.text_frame.text for slide in prs.slides for shape in slide.shapes
                     if shape.name == "Statement 2")
    assert "“他们总说‘零排放’，可是电网仍在烧煤。”" in statement
    assert "“They keep saying 'zero emissions', but the grid still burns coal.”" in statement
    assert "“\"" not in statement and "“‘" not in statement


def test_a_measure_whose_point_repeats_its_name_is_named_once():
    """One value per series, each point labelled with its series' name: the bars are
    'fuel bill' and 'ridership', not 'fuel bill, fuel bill'."""
    claims = _bus_claims()
    figure = {"id": "change", "title": {"en": "Changes in 2025", "zh": "2025年的变化"},
              "chart": "bar", "series": [
                  {"name": {"en": "fuel bill", "zh": "燃料开支"}, "points": [
                      {"label": {"en": "fuel bill", "zh": "燃料开支"}, "value": -30, "claim": "c0"}]},
                  {"name": {"en": "ridership", "zh": "乘客量"}, "points": [
                      {"label": {"en": "Ridership", "zh": "乘客量"}, "value": 12, "claim": "c3"}]}]}
    for lang, names in (("en", ["fuel bill", "ridership"]), ("zh", ["燃料开支", "乘客量"])):
        prs = read(render(_bus_outline(claims, [figure]), lang))
        chart = next(s.chart for slide in prs.slides for s in slide.shapes if s.has_chart
                     and s.name == "Figure change")
        assert list(chart.plots[0].categories)[::-1] == names      # bars: held last first


def test_a_measure_whose_point_repeats_a_word_of_its_name_is_named_once():
    """"rider insurance" with the point "insurance" (骑手保险费 with 保险) is one bar named
    "rider insurance"; a label that adds a word keeps it: "ad spend, Jiangzhou"."""
    claims = _bus_claims()
    figure = {"id": "money", "title": {"en": "Two costs", "zh": "两笔钱"}, "chart": "bar",
              "series": [
                  {"name": {"en": "rider insurance", "zh": "骑手保险费"}, "points": [
                      {"label": {"en": "insurance", "zh": "保险"}, "value": 620, "claim": "c0"}]},
                  {"name": {"en": "ad spend", "zh": "广告投入"}, "points": [
                      {"label": {"en": "Jiangzhou", "zh": "江州"}, "value": 900, "claim": "c3"}]}]}
    for lang, names in (("en", ["rider insurance", "ad spend, Jiangzhou"]),
                        ("zh", ["骑手保险费", "广告投入, 江州"])):
        prs = read(render(_bus_outline(claims, [figure]), lang))
        chart = next(s.chart for slide in prs.slides for s in slide.shapes if s.has_chart
                     and s.name == "Figure money")
        assert list(chart.plots[0].categories)[::-1] == names      # bars: held last first


def test_long_statements_share_their_slides_rather_than_sit_alone():
    """Six Chinese statements of about 250 characters: at 24 pt each needs more than half
    a slide, so each sat alone on one of six slides; set a step smaller (not below 18 pt),
    two share a slide."""
    long = ("市政府与批评者围绕这个问题的争论表明，这一说法背后牵涉到城市财政、居民出行习惯、电网结构、"
            "公共卫生、土地利用以及未来十年技术进步速度等多重因素，任何单一视角都难以完整解释，"
            "教师在课堂上应当引导学生逐一拆解其中的事实成分、判断成分和对未来的推测成分，并追问每一部分的"
            "证据来源是否可靠、是否经过独立核实，以及作者在选择这些数字和事例时是否有意忽略了不利的材料")
    claims = [{"id": f"z{i}", "kind": KINDS[i % 3], "text": f"第{i}点：{long}，{long[:30]}。"} for i in range(6)]
    outline = validate(Outline, {
        "format": "debatekit/1", "id": "zh-long", "languages": ["zh"], "title": "长论断",
        "source": {"path": "none.txt", "title": "一篇文章", "publisher": "示例报", "language": "zh"},
        "lesson": {"minutes": 90}, "thesis": "文章认为电动公交利大于弊。",
        "strands": [{"id": "s", "title": "线索", "claims": claims}]})
    prs = read(render(outline, "zh"))
    per_slide = [sum(1 for shape in slide.shapes if re.fullmatch(r"Statement \d+", shape.name))
                 for slide in prs.slides]
    per_slide = [n for n in per_slide if n]
    assert sum(per_slide) == 6 and 1 not in per_slide, per_slide
    sizes = {run.font.size.pt for slide in prs.slides for shape in slide.shapes
             if re.fullmatch(r"Statement \d+", shape.name)
             for p in shape.text_frame.paragraphs for run in p.runs}
    assert min(sizes) >= 18


def test_lesson_debate_points_use_the_room_and_are_cut_only_when_too_long():
    """Two points a side: a short one stands whole; a long one fills up to four lines
    of its column (the fixed cut at about 60 characters left it at two, with the rest of
    the slide empty) and ends in "…"; every column stays above the footer."""
    long = ("Riverton's fuel bill fell by a third in the first year, but the council's own "
            "report says most of the saving went on repairs to the chargers, the new depot "
            "and the overtime of drivers trained on the new buses, so the money the switch "
            "was meant to free for more routes never reached the timetable at all.")
    debate = {"id": "d", "motion": {"en": "The switch paid for itself.", "zh": "更换已经回本。"},
              "pro": [{"point": {"en": "Fuel got cheaper.", "zh": "燃料更便宜了。"}, "kind": "fact"},
                      {"point": {"en": long, "zh": "燃料开支第一年下降了三分之一，" * 6},
                       "kind": "opinion"}],
              "con": [{"point": {"en": "Repairs ate the saving.", "zh": "维修吃掉了节省。"},
                       "kind": "opinion"},
                      {"point": {"en": long, "zh": "燃料开支第一年下降了三分之一，" * 6},
                       "kind": "fact"}]}
    outline = _bus_outline(_bus_claims()).model_copy(
        update={"debates": (validate(Debate, debate),)})
    for lang in ("en", "zh"):
        prs = read(render(outline, lang))
        slides = [s for s in prs.slides if title_of(s).startswith(labels_for(outline, lang)["debate"])]
        assert len(slides) == 1
        footer_top = min(s.top for s in slides[0].shapes if s.name.startswith("Footer"))
        for side in ("pro", "con"):
            box = next(s for s in slides[0].shapes if s.name == f"Points {side}")
            assert box.top + box.height <= footer_top
            short, cut = [p.text for p in box.text_frame.paragraphs]
            assert not short.endswith("…")
            assert cut.endswith("…") and len(cut) > (100 if lang == "en" else 45), cut


def test_claims_no_map_can_draw_are_the_unlinked_ones_of_strands_with_links():
    """The exit ticket's first choice, the same in every language: a claim without any
    link in a strand whose other claims have links is never drawn (neither as a box nor
    as a reference); in a strand without links every claim may be."""
    from debatekit.present.keymap import never_drawn

    both = lambda en, zh: {"en": en, "zh": zh}  # noqa: E731
    claim = lambda i, **links: {"id": f"c{i}", "kind": "fact",  # noqa: E731
                                "text": both(f"Statement {i}.", f"陈述{i}。"), **links}
    outline = validate(Outline, {
        "format": "debatekit/1", "id": "t", "languages": ["en", "zh"],
        "title": both("T", "题"), "thesis": both("T.", "题。"),
        "source": {"path": "none.txt", "title": "T", "publisher": "P", "language": "en"},
        "strands": [
            {"id": "a", "title": both("A", "甲"),
             "claims": [claim(1), claim(2, supports=["c1"]), claim(3), claim(4, challenges=["c5"])]},
            {"id": "b", "title": both("B", "乙"), "claims": [claim(5), claim(6)]},
            {"id": "c", "title": both("C", "丙"), "claims": [claim(7), claim(8)]}]})
    # c3 is alone in a strand with links; strand b's only link comes from strand a, so
    # its map may draw any of its claims; strand c has no links
    assert never_drawn(outline) == {"c3"}


def test_claims_said_never_drawn_are_on_no_map_of_the_deck(lesson):
    """The rule the exit ticket relies on holds for the maps actually drawn."""
    from debatekit.present.keymap import never_drawn

    outline, lang, prs = lesson
    _, on_maps = _ticket_and_maps(outline, lang, prs)
    never = never_drawn(outline)
    assert never
    assert [outline.claim_number(i) for i in never if outline.claim_number(i) in on_maps] == []
