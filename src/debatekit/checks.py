"""Rules that look across a typed outline: ids, references, translations, kinds and
statuses, debates, the source file and its quotes. Each rule yields located problems.
"""

from __future__ import annotations

import difflib
from dataclasses import replace
from pathlib import Path
from typing import Any, Iterator


from . import labels, signal_words
from .figure_scale import spread_warning
from .loader import LocatedTree
from .unfinished import character_problems, number_problems, title_problems, unfinished_work
from .article import first_drift, split_paragraphs
from .model import CHECKED_STATUSES, EXERCISE_MAX, EXERCISE_MIN, KINDS, Claim, Node, Outline
from .problems import Problem
from .speech_lint import reported_speech
from .quotes import SourceText
from .text import Text


def suggest(word: str, choices: Any) -> str:
    close = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.6)
    return f"; did you mean `{close[0]}`?" if close else ""


class Checker:
    def __init__(self, outline: Outline, tree: LocatedTree, outline_dir: Path,
                 set_aside: frozenset = frozenset(), languages_known: bool = True):
        self.outline = outline
        self.tree = tree
        self.set_aside = set_aside  # ids of malformed parts already reported
        self.languages_known = languages_known  # False when `languages` itself was malformed
        self.outline_dir = outline_dir
        self.source: SourceText | None = None
        self.translated: dict[str, str] = {}  # language -> text of each readable translation

    def error(self, path: tuple, message: str, key: bool = False) -> Problem:
        return self.tree.problem(path, message, "error", key)

    def warning(self, path: tuple, message: str, code: str = "") -> Problem:
        problem = self.tree.problem(path, message, "warning")
        return replace(problem, code=code) if code else problem

    def unfinished(self) -> Iterator[Problem]:
        """What a scaffold leaves to do (see ``drafts``)."""
        yield from unfinished_work(self.outline, getattr(self.tree, "tree", self.tree))

    def characters(self) -> Iterator[Problem]:
        yield from character_problems(getattr(self.tree, "tree", self.tree))
        yield from title_problems(getattr(self.tree, "tree", self.tree))
        yield from number_problems(getattr(self.tree, "tree", self.tree))

    def run(self) -> list[Problem]:
        problems: list[Problem] = []
        for rule in (self.languages, self.translations, self.ids, self.claims, self.accepts,
                     self.exercise, self.figures, self.debates, self.source_file,
                     self.translation_files, self.quotes, self.style, self.lint, self.unfinished,
                     self.characters):
            problems.extend(rule())
        return problems

    # -- structure -------------------------------------------------------------------

    def languages(self) -> Iterator[Problem]:
        seen = set()
        for i, lang in enumerate(self.outline.languages):
            if lang in seen:
                yield self.error(("languages", i), f"language `{lang}` is listed twice")
            seen.add(lang)

    def translations(self) -> Iterator[Problem]:
        if not self.languages_known:
            return
        langs = self.outline.languages
        for path, text in _texts(self.outline, ()):
            if text.is_plain:
                if len(langs) > 1 and not _shared_by_every_language(path):
                    example = ", ".join(f"{lang}: ..." for lang in langs)
                    yield self.error(path, f"this text needs every language of the outline; write it as {{{example}}}")
                continue
            missing = [lang for lang in langs if lang not in text.languages]
            extra = [key for key in text.languages if key not in langs]
            for key in extra:
                hint = f"; is it the missing `{missing[0]}` translation?" if len(missing) == 1 else suggest(key, langs)
                yield self.error((*path, key), f"language `{key}` is not in `languages` ({', '.join(langs)}){hint}", key=True)
            if missing and not (len(missing) == 1 and extra):
                yield self.error(path, f"missing translation: `{'`, `'.join(missing)}`")

    def ids(self) -> Iterator[Problem]:
        first: dict[str, tuple] = {}
        for path, ident in self._all_ids():
            if ident in first:
                line = self.tree.where(first[ident])[0]
                yield self.error(path, f"duplicate id `{ident}` (first used at line {line}); ids are unique across the outline")
            else:
                first[ident] = path

    def _all_ids(self) -> Iterator[tuple[tuple, str]]:
        for s, strand in enumerate(self.outline.strands):
            yield ("strands", s, "id"), strand.id
            for c, claim in enumerate(strand.claims):
                yield ("strands", s, "claims", c, "id"), claim.id
        for f, figure in enumerate(self.outline.figures):
            yield ("figures", f, "id"), figure.id
        for d, debate in enumerate(self.outline.debates):
            yield ("debates", d, "id"), debate.id

    def _claim_paths(self) -> Iterator[tuple[tuple, Claim]]:
        for s, strand in enumerate(self.outline.strands):
            for c, claim in enumerate(strand.claims):
                yield ("strands", s, "claims", c), claim

    def _unknown_claim(self, path: tuple, ident: str) -> Iterator[Problem]:
        if ident in self.set_aside:
            return
        known = [claim.id for claim in self.outline.claims]
        yield self.error(path, f"no claim has the id `{ident}`{suggest(ident, known)}")

    def claims(self) -> Iterator[Problem]:
        known = {claim.id for claim in self.outline.claims}
        for path, claim in self._claim_paths():
            if claim.status is not None and claim.kind != "fact":
                yield self.error((*path, "status"), f"`status` belongs to facts only; this claim is {_a(claim.kind)}")
            if claim.kind == "fact" and claim.status in CHECKED_STATUSES and claim.check is None:
                yield self.error((*path, "status"), f"a fact marked `{claim.status}` needs a `check` with a note and sources")
            for relation in ("supports", "challenges"):
                for i, ident in enumerate(getattr(claim, relation)):
                    where = (*path, relation, i)
                    if ident == claim.id:
                        yield self.error(where, f"a claim cannot {relation[:-1]} itself")
                    elif ident not in known:
                        yield from self._unknown_claim(where, ident)

    def accepts(self) -> Iterator[Problem]:
        """Accepted other labels, and the quotes' own translations."""
        for path, claim in self._claim_paths():
            seen: dict[str, int] = {}
            for i, accept in enumerate(claim.accept):
                where = (*path, "accept", i, "kind")
                if accept.kind == claim.kind:
                    yield self.error(where, f"`accept` lists other labels a teacher should accept; this claim is already {_a(claim.kind)}")
                elif accept.kind in seen:
                    yield self.error(where, f"`{accept.kind}` is already accepted (item {seen[accept.kind] + 1}); list each label once")
                seen.setdefault(accept.kind, i)
            if claim.quote_translation and claim.quote is None:
                yield self.error((*path, "quote_translation"), "`quote_translation` translates the quote, but this claim has no `quote`", key=True)
            for lang in claim.quote_translation:
                yield from self._translation_language((*path, "quote_translation", lang), lang, "the quote")

    def _translation_language(self, path: tuple, lang: str, what: str) -> Iterator[Problem]:
        langs = self.outline.languages
        if not self.languages_known:
            return
        if lang == self.outline.source.language:
            yield self.error(path, f"{what} is already in `{lang}`, the source's language; translate into the other languages of the kit only", key=True)
        elif lang not in langs:
            yield self.error(path, f"language `{lang}` is not in `languages` ({', '.join(langs)}){suggest(lang, langs)}", key=True)

    def _written(self, path: tuple) -> bool:
        """Whether the outline file gives this setting (and it was not set aside as
        malformed): a default the model filled in is not the teacher's choice."""
        if path in getattr(self.tree, "removed", ()):
            return False
        node: Any = getattr(self.tree, "tree", self.tree).data
        for step in path:
            if not isinstance(node, dict) or step not in node:
                return False
            node = node[step]
        return True

    def exercise(self) -> Iterator[Problem]:
        lesson = self.outline.lesson
        if lesson is None or not self._written(("lesson", "exercise")):
            return
        where = ("lesson", "exercise")
        ids = lesson.exercise
        # items set aside as malformed (already reported) still count as listed
        listed = len(ids) + sum(1 for p in getattr(self.tree, "removed", ()) if p[:2] == where and len(p) == 3)
        if not EXERCISE_MIN <= listed <= EXERCISE_MAX:
            yield self.error(where, f"the exercise lists {listed} claim{'' if listed == 1 else 's'}; it needs {EXERCISE_MIN} to {EXERCISE_MAX}")
        known = {claim.id: claim for claim in self.outline.claims}
        first: dict[str, int] = {}
        for i, ident in enumerate(ids):
            if ident in first:
                yield self.error((*where, i), f"`{ident}` is already in the exercise (item {first[ident] + 1}); list each claim once")
            elif ident not in known:
                yield from self._unknown_claim((*where, i), ident)
            first.setdefault(ident, i)
        kinds = {known[i].kind for i in ids if i in known}
        missing = [kind for kind in KINDS if kind not in kinds]
        if ids and missing and not any(i not in known for i in ids):
            yield self.warning(where, f"the exercise has no {' or '.join(missing)}; a class practises the labels best with every kind in it", "exercise-kinds")

    def figures(self) -> Iterator[Problem]:
        known = {claim.id: claim for claim in self.outline.claims}
        for f, figure in enumerate(self.outline.figures):
            for s, series in enumerate(figure.series):
                for p, point in enumerate(series.points):
                    where = ("figures", f, "series", s, "points", p, "claim")
                    claim = known.get(point.claim)
                    if claim is None:
                        yield from self._unknown_claim(where, point.claim)
                    elif claim.kind != "fact":
                        yield self.error(where, f"a figure's number must come from a fact claim; `{claim.id}` is {_a(claim.kind)}")
            spread = spread_warning(figure)
            if spread is not None:
                yield self.warning(("figures", f, *spread[0]), spread[1], "figure-scale")

    def debates(self) -> Iterator[Problem]:
        known = {claim.id for claim in self.outline.claims}
        for d, debate in enumerate(self.outline.debates):
            for side in ("pro", "con"):
                points = getattr(debate, side)
                if not points:
                    yield self.error(("debates", d, side), f"the `{side}` side has no points; each side needs at least one")
                for p, point in enumerate(points):
                    yield from self._debate_point(("debates", d, side, p), point, known)

    def _debate_point(self, path: tuple, point: Any, known: set[str]) -> Iterator[Problem]:
        if point.claim is not None and point.point is not None:
            yield self.error(path, "a debate point is either `claim:` (from the article) or `point:` (your own), not both")
            return
        if point.claim is None and point.point is None:
            yield self.error(path, "a debate point needs `claim:` (an id from the article) or `point:` (your own text)")
            return
        if point.claim is not None:
            if point.claim not in known:
                yield from self._unknown_claim((*path, "claim"), point.claim)
            for key in ("kind", "status"):
                if getattr(point, key) is not None:
                    yield self.error((*path, key), f"`{key}` comes from the claim `{point.claim}`; remove it here", key=True)
            if point.sources:
                yield self.error((*path, "sources"), f"sources of a claim point come from the claim `{point.claim}`; give them in its `check`", key=True)
            return
        if point.use is not None:
            yield self.error((*path, "use"), "`use` explains how a side uses a claim from the article; put your own point's text in `point`", key=True)
        if point.kind is None:
            yield self.error(path, "a point of your own needs `kind:` (fact, opinion or prediction)")
        elif point.kind == "fact" and not point.sources:
            yield self.error(path, "a point of your own of kind `fact` needs `sources:` (a list of where it can be checked)")
        elif point.kind != "fact" and point.status is not None:
            yield self.error((*path, "status"), f"`status` belongs to facts only; this point is {_a(point.kind)}")

    # -- the source and its quotes -------------------------------------------------------

    def source_path(self) -> Path:
        return (self.outline_dir / self.outline.source.path).resolve()

    def source_file(self) -> Iterator[Problem]:
        path = self.source_path()
        where = ("source", "path")
        try:
            self.source = SourceText(path.read_bytes().decode("utf-8").replace("\r\n", "\n"))
        except FileNotFoundError:
            yield self.error(where, f"source file not found: {path}")
        except IsADirectoryError:
            yield self.error(where, f"the source must be a text file, not a folder: {path}")
        except UnicodeDecodeError:
            yield self.error(where, f"the source file is not valid UTF-8: {path}")
        except OSError as exc:
            yield self.error(where, f"cannot read the source file {path}: {exc.strerror}")

    def translation_files(self) -> Iterator[Problem]:
        """Each translation of the source: readable UTF-8, paragraph for paragraph."""
        for lang, relative in self.outline.source.translations.items():
            where = ("source", "translations", lang)
            if self.languages_known and (lang == self.outline.source.language or lang not in self.outline.languages):
                yield from self._translation_language(where, lang, "the source")
                continue
            path = (self.outline_dir / relative).resolve()
            try:
                text = path.read_bytes().decode("utf-8").replace("\r\n", "\n")
            except FileNotFoundError:
                yield self.error(where, f"translation file not found: {path}")
                continue
            except IsADirectoryError:
                yield self.error(where, f"a translation must be a text file, not a folder: {path}")
                continue
            except UnicodeDecodeError:
                yield self.error(where, f"the translation file is not valid UTF-8: {path}")
                continue
            except OSError as exc:
                yield self.error(where, f"cannot read the translation file {path}: {exc.strerror}")
                continue
            self.translated[lang] = text
            if self.source is None:
                continue
            source, translation = split_paragraphs(self.source.text), split_paragraphs(text)
            if len(source) != len(translation):
                yield self.error(where, f"the translation has {len(translation)} paragraphs and the source {len(source)}; "
                                        f"they drift apart at paragraph {first_drift(source, translation)}")

    def quotes(self) -> Iterator[Problem]:
        for path, claim in self._claim_paths():
            if claim.quote is not None and self.source is not None and not self.source.contains(claim.quote):
                closest = self.source.closest(claim.quote)
                hint = f"; closest passage (source line {closest[0]}): “{_clip(closest[1])}”" if closest else ""
                yield self.error((*path, "quote"), f"quote not found in the source{hint}")
            for i, signal in enumerate(claim.signals):
                if claim.quote is None:
                    yield self.error((*path, "signals"), "`signals` are words of the quote, but this claim has no `quote`", key=True)
                    break
                if "".join(signal.split()) not in "".join(claim.quote.split()):
                    yield self.error((*path, "signals", i), f"signal word `{signal}` does not occur in the quote")

    # -- style -------------------------------------------------------------------------

    def style(self) -> Iterator[Problem]:
        for lang, words in self.outline.style.labels.items():
            for key, value in words.items():
                if key not in labels.KEYS:
                    yield self.error(("style", "labels", lang, key), f"unknown label `{key}`{suggest(key, labels.KEYS)}", key=True)
                    continue
                problem = labels.placeholder_problem(key, value)
                if problem:
                    yield self.error(("style", "labels", lang, key), problem)
        template = self.outline.style.template
        if template is not None:
            where = ("style", "template")
            path = (self.outline_dir / template).resolve()
            if path.suffix.lower() in (".potx", ".pot"):
                yield self.error(where, "PowerPoint templates (.potx) cannot be read; open it in PowerPoint and save it as a .pptx")
            elif path.suffix.lower() != ".pptx":
                yield self.error(where, f"the template must be a .pptx file, not `{path.name}`")
            elif not path.is_file():
                yield self.error(where, f"template not found: {path}")

    # -- warnings ----------------------------------------------------------------------

    def lint(self) -> Iterator[Problem]:
        quote_lang = self.outline.source.language
        for path, claim in self._claim_paths():
            if claim.why is None:
                yield self.warning(path, f"claim `{claim.id}` has no `why`: the answer key cannot give the reason for its label", "no-why")
            if claim.quote is None:
                yield self.warning(path, f"claim `{claim.id}` has no `quote`: students cannot find it in the article", "no-quote")
                continue
            speech = reported_speech(self.outline, claim)
            if speech is not None:
                yield self.warning((*path, "kind"), speech, "reported-speech")
                continue
            if claim.kind == "fact":
                markers = signal_words.found(claim.quote, quote_lang, "opinion")
                if markers:
                    yield self.warning((*path, "quote"), f"a fact whose quote holds opinion words ({', '.join(markers)}); split off the judgement or label it an opinion", "fact-judges")
            # a prediction whose own `signals` name the words that look ahead (“would”,
            # “within a year”) has been answered, as the reported-speech lint holds too
            if claim.kind == "prediction" and not claim.signals and not (
                    signal_words.found(claim.quote, quote_lang, "prediction")
                    or signal_words.found(claim.quote, quote_lang, "hedge")):
                yield self.warning((*path, "quote"), "a prediction whose quote has no word about the future; is it a fact or an opinion?", "no-future")
        for i, lang in enumerate(self.outline.languages):
            if not labels.has_builtin(lang) and lang not in self.outline.style.labels:
                yield self.warning(("languages", i), f"debatekit has no words of its own in `{lang}`; headings will be in English unless `style.labels.{lang}` gives them", "no-words")
            elif not labels.has_builtin(lang):
                # a partial table mixes languages on every page: say which words are left
                missing = [key for key in labels.BUILTIN["en"] if key not in self.outline.style.labels[lang]]
                if missing:
                    named = ", ".join(f"`{key}`" for key in missing[:5])
                    yield self.warning(("style", "labels", lang), f"`style.labels.{lang}` gives {len(labels.KEYS) - len(missing)} of debatekit's {len(labels.KEYS)} words; the other {len(missing)} stay in English ({named}{', …' if len(missing) > 5 else ''})", "some-words")




def _texts(node: Any, path: tuple) -> Iterator[tuple[tuple, Text]]:
    """Every Text in the model with its path, in field order."""
    if isinstance(node, Text):
        yield path, node
    elif isinstance(node, Node):
        for name in type(node).FIELDS:
            yield from _texts(getattr(node, name), (*path, name))
    elif isinstance(node, tuple):
        for i, item in enumerate(node):
            yield from _texts(item, (*path, i))


def _shared_by_every_language(path: tuple) -> bool:
    """A figure's category may be one plain string for every language (a year, a place
    name written alike): it is data, not prose."""
    return path[0] == "figures" and path[-1] == "label"


def _a(kind: str) -> str:
    return f"an {kind}" if kind[0] in "aeiou" else f"a {kind}"


def _clip(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
