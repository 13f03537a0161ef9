"""The build pipeline with fake writers: incremental, atomic, isolated failures."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import fake_writers as fakes
from debatekit import files
from debatekit import registry as writers
from debatekit.build import BuildOptions, BuildRequestError, build
from debatekit.pipeline import manifest as manifest_module
from support import SEED



@pytest.fixture
def project(sample_project, monkeypatch):
    """A project folder with two valid outlines, the fake writers and a render log."""
    tmp_path = sample_project
    sample = (tmp_path / "outlines" / "sample.yaml").read_text("utf-8")
    (tmp_path / "outlines" / "other.yaml").write_text(sample.replace("id: sample", "id: other"), "utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(writers, "WRITERS", fakes.specs())
    monkeypatch.setenv("DEBATEKIT_FAKE_LOG", str(tmp_path / "renders.log"))
    monkeypatch.delenv("DEBATEKIT_FAKE_FAIL", raising=False)
    monkeypatch.delenv("DEBATEKIT_FAKE_SLOW", raising=False)
    return tmp_path


def run(paths, errors=None, **options):
    options.setdefault("out_dir", Path("output"))
    sink = errors if errors is not None else []
    return build([Path(p) for p in paths], BuildOptions(**options), err=sink.append)


def renders(project) -> list[str]:
    log = project / "renders.log"
    lines = log.read_text("utf-8").splitlines() if log.exists() else []
    log.unlink(missing_ok=True)
    return lines


def snapshot(folder: Path) -> dict[str, tuple[bytes, int, int]]:
    """Every file under folder with its bytes, inode and modification time."""
    return {str(p.relative_to(folder)): (p.read_bytes(), p.stat().st_ino, p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file()}


def outputs(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*") if p.is_file() and not p.name.startswith("."))


SAMPLE = "outlines/sample.yaml"
ALL_SAMPLE = ["sample-en-handout.txt", "sample-en-slides.txt", "sample-zh-handout.txt", "sample-zh-slides.txt"]


def test_first_build_writes_every_output_in_every_language(project):
    report = run([SAMPLE])
    assert report.ok and not report.unchanged
    assert outputs(project / "output") == ALL_SAMPLE
    en = json.loads((project / "output/sample/sample-en-slides.txt").read_text("utf-8"))
    assert en["title"] == "A sample outline" and en["paper"] == "a4"
    assert sorted(renders(project)) == ["handout sample en", "handout sample zh", "slides sample en", "slides sample zh"]


def test_noop_rebuild_rewrites_nothing_and_reads_no_yaml(project, monkeypatch):
    run([SAMPLE])
    before = snapshot(project / "output")
    renders(project)

    def no_parsing(*args, **kwargs):
        raise AssertionError("a no-op rebuild parsed the outline")

    monkeypatch.setattr("debatekit.pipeline.render.read_outline", no_parsing)
    report = run([SAMPLE])
    assert report.ok and not report.written
    assert sorted(p.name for p in report.unchanged) == ALL_SAMPLE
    assert snapshot(project / "output") == before
    assert renders(project) == []


def test_touching_an_input_without_changing_it_renders_nothing(project):
    run([SAMPLE])
    renders(project)
    before = snapshot(project / "output/sample")
    outline = project / SAMPLE
    outline.write_bytes(outline.read_bytes())
    os.utime(project / "seeds" / SEED.name)
    report = run([SAMPLE])
    assert report.ok and not report.written and renders(project) == []
    assert snapshot(project / "output/sample") == before


def test_editing_one_language_rewrites_only_that_language(project):
    run([SAMPLE])
    renders(project)
    before = snapshot(project / "output/sample")
    outline = project / SAMPLE
    text = outline.read_text("utf-8")
    assert "美国做出了让步" in text
    outline.write_text(text.replace("美国做出了让步", "美国做出了重大让步"), "utf-8")
    report = run([SAMPLE])
    assert report.ok
    assert sorted(p.name for p in report.written) == ["sample-zh-handout.txt", "sample-zh-slides.txt"]
    assert sorted(renders(project)) == ["handout sample zh", "slides sample zh"]
    after = snapshot(project / "output/sample")
    for name in ("sample-en-handout.txt", "sample-en-slides.txt"):
        assert after[name] == before[name]
    assert "重大让步" in (project / "output/sample/sample-zh-slides.txt").read_text("utf-8")


def test_an_edit_that_changes_no_output_byte_rewrites_nothing(project):
    run([SAMPLE])
    before = snapshot(project / "output/sample")
    outline = project / SAMPLE
    # The fake writers do not print strand summaries: both languages re-render, same bytes.
    outline.write_text(outline.read_text("utf-8").replace("terms of the deal", "deal's terms"), "utf-8")
    renders(project)
    report = run([SAMPLE])
    assert report.ok and not report.written
    assert sorted(renders(project)) == ["handout sample en", "slides sample en"]
    assert snapshot(project / "output/sample") == before


def test_deleted_or_edited_output_is_rebuilt_alone(project):
    run([SAMPLE])
    (project / "output/sample/sample-en-slides.txt").unlink()
    (project / "output/sample/sample-zh-handout.txt").write_text("scribbled", "utf-8")
    renders(project)
    report = run([SAMPLE])
    assert sorted(p.name for p in report.written) == ["sample-en-slides.txt", "sample-zh-handout.txt"]
    assert sorted(renders(project)) == ["handout sample zh", "slides sample en"]


def test_writer_version_and_options_are_part_of_the_key(project, monkeypatch):
    run([SAMPLE])
    renders(project)
    monkeypatch.setattr(fakes.MODULES["handout"], "VERSION", "2")
    run([SAMPLE])
    assert sorted(renders(project)) == ["handout sample en", "handout sample zh"]
    report = run([SAMPLE], paper="letter")
    assert len(report.written) == 4 and len(renders(project)) == 4
    assert json.loads((project / "output/sample/sample-zh-handout.txt").read_text("utf-8"))["paper"] == "letter"
    template = project / "school.pptx"
    template.write_bytes(b"not really a deck")
    report = run([SAMPLE], paper="letter", template=template)
    assert len(report.written) == 4 and len(renders(project)) == 4
    report = run([SAMPLE], paper="letter", template=template)
    assert not report.written and renders(project) == []
    template.write_bytes(b"another deck")  # same name, new content: a new key
    renders(project)
    run([SAMPLE], paper="letter", template=template)
    assert len(renders(project)) == 4


def test_the_deck_choice_is_part_of_the_key(project):
    run([SAMPLE])
    renders(project)
    run([SAMPLE], deck="full")
    assert "slides sample en" in renders(project)
    run([SAMPLE], deck="full")
    assert renders(project) == []
    outline = project / SAMPLE
    outline.write_text(outline.read_text("utf-8") + "\nstyle:\n  deck: full\n", "utf-8")
    run([SAMPLE])
    assert "slides sample zh" in renders(project)


def test_a_change_to_debatekit_code_counts_as_a_new_version(project, monkeypatch):
    from debatekit.pipeline import manifest, render

    run([SAMPLE])
    renders(project)
    run([SAMPLE])
    assert renders(project) == []
    changed = lambda: "code after an upgrade"  # noqa: E731
    monkeypatch.setattr(manifest, "code_fingerprint", changed)
    monkeypatch.setattr(render, "code_fingerprint", changed)
    run([SAMPLE])
    assert len(renders(project)) == 4


def test_force_renders_everything_but_rewrites_only_changed_bytes(project):
    run([SAMPLE])
    before = snapshot(project / "output/sample")
    renders(project)
    report = run([SAMPLE], force=True)
    assert len(renders(project)) == 4 and not report.written
    assert snapshot(project / "output/sample") == before


def test_source_text_is_an_input(project):
    run([SAMPLE])
    before = snapshot(project / "output/sample")
    source = project / "seeds" / SEED.name
    source.write_text(source.read_text("utf-8").replace("字节跳动保留了", "字节跳动放弃了"), "utf-8")
    errors: list[str] = []
    report = run([SAMPLE], errors)
    assert not report.ok
    assert any(e.startswith("outlines/sample.yaml:") and "quote not found" in e for e in errors)
    assert snapshot(project / "output/sample") == before


def test_writer_failure_leaves_previous_outputs_byte_identical(project, monkeypatch):
    run([SAMPLE, "outlines/other.yaml"])
    before = snapshot(project / "output")
    for path in (project / "outlines").glob("*.yaml"):
        path.write_text(path.read_text("utf-8").replace("A sample outline", "A changed outline").replace("示例大纲", "新大纲"), "utf-8")
    monkeypatch.setenv("DEBATEKIT_FAKE_FAIL", "handout:en")
    errors: list[str] = []
    report = run([SAMPLE], errors)
    assert not report.ok and not report.written
    assert len(errors) == 1
    assert "outlines/sample.yaml" in errors[0] and "handout" in errors[0] and "`en`" in errors[0]
    assert "Traceback" not in errors[0]
    assert snapshot(project / "output") == before  # the zh files and slides were rendered, yet not moved in
    assert not list((project / "output").rglob("*.part"))
    monkeypatch.delenv("DEBATEKIT_FAKE_FAIL")
    report = run([SAMPLE])
    assert report.ok and len(report.written) == 4


def test_one_broken_outline_does_not_stop_the_others(project):
    broken = project / "outlines" / "broken.yaml"
    broken.write_text((project / SAMPLE).read_text("utf-8").replace("kind: opinion", "kind: opinon"), "utf-8")
    errors: list[str] = []
    report = run(["outlines/broken.yaml", "outlines/other.yaml", SAMPLE], errors)
    assert not report.ok
    assert [str(p) for p, _ in report.failed] == ["outlines/broken.yaml"]
    assert any(e.startswith("outlines/broken.yaml:") and "opinon" in e and ": error:" in e for e in errors)
    assert len(report.written) == 8
    assert outputs(project / "output") == sorted(ALL_SAMPLE + [n.replace("sample", "other") for n in ALL_SAMPLE])


def test_read_only_output_is_named_and_the_rest_is_written(project):
    run([SAMPLE])
    locked = project / "output/sample/sample-en-slides.txt"
    locked.chmod(0o444)
    old = locked.read_bytes()
    outline = project / SAMPLE
    outline.write_text(outline.read_text("utf-8").replace("A sample outline", "A changed outline"), "utf-8")
    errors: list[str] = []
    report = run([SAMPLE], errors)
    assert not report.ok
    assert [str(p) for p, _ in report.failed] == ["output/sample/sample-en-slides.txt"]
    assert len(errors) == 1 and errors[0].startswith("output/sample/sample-en-slides.txt: error:") and "read-only" in errors[0]
    assert locked.read_bytes() == old
    assert sorted(p.name for p in report.written) == ["sample-en-handout.txt"]
    assert not list((project / "output").rglob("*.part"))
    locked.chmod(0o644)
    report = run([SAMPLE])  # the failed file was not recorded as built: it is retried
    assert [p.name for p in report.written] == ["sample-en-slides.txt"]


def test_a_file_that_cannot_be_replaced_is_named(project, monkeypatch):
    run([SAMPLE])
    outline = project / SAMPLE
    outline.write_text(outline.read_text("utf-8").replace("A sample outline", "A changed outline"), "utf-8")
    real_replace = os.replace

    def replace(src, dst):
        if str(dst).endswith("sample-en-handout.txt"):
            raise PermissionError(13, "Permission denied")  # as Windows does for an open file
        return real_replace(src, dst)

    monkeypatch.setattr(files.os, "replace", replace)
    errors: list[str] = []
    report = run([SAMPLE], errors)
    assert [str(p) for p, _ in report.failed] == ["output/sample/sample-en-handout.txt"]
    assert len(errors) == 1 and errors[0].startswith("output/sample/sample-en-handout.txt: error:")
    assert "close it in any program" in errors[0]
    assert not list((project / "output").rglob("*.part"))


def test_only_and_lang_select_outputs(project):
    report = run([SAMPLE], only=("slides",), langs=("en",))
    assert report.ok and [p.name for p in report.written] == ["sample-en-slides.txt"]
    assert outputs(project / "output") == ["sample-en-slides.txt"]
    report = run([SAMPLE])  # the rest is built; the one already there is kept
    assert sorted(p.name for p in report.written) == sorted(set(ALL_SAMPLE) - {"sample-en-slides.txt"})
    assert [p.name for p in report.unchanged] == ["sample-en-slides.txt"]
    report = run([SAMPLE], only=("handout",))
    assert sorted(p.name for p in report.unchanged) == ["sample-en-handout.txt", "sample-zh-handout.txt"]


def test_unknown_output_name_lists_the_valid_ones(project):
    with pytest.raises(BuildRequestError, match="`slide`.*slides, handout"):
        run([SAMPLE], only=("slide",))


def test_unknown_language_is_a_located_error(project):
    errors: list[str] = []
    report = run([SAMPLE], errors, langs=("fr", "en"))
    assert not report.ok
    assert errors == ["outlines/sample.yaml: error: no language `fr` in this outline; it has zh, en"]
    assert sorted(p.name for p in report.written) == ["sample-en-handout.txt", "sample-en-slides.txt"]


def test_leftovers_of_a_dead_build_are_removed_but_not_a_live_ones(project):
    run([SAMPLE])
    folder = project / "output/sample"
    dead = folder / ".sample-zh-slides.txt.999999999.abcd.part"
    legacy = folder / ".sample-en-slides.txt.q1w2e3.part"
    live = folder / f".sample-en-handout.txt.{os.getpid()}.zz.part"
    for path in (dead, legacy, live):
        path.write_bytes(b"half")
    report = run([SAMPLE])
    assert not dead.exists() and not legacy.exists() and live.exists()
    assert sorted(p.name for p in report.cleaned) == sorted([dead.name, legacy.name])


def test_damaged_manifest_costs_only_a_rebuild(project):
    run([SAMPLE])
    before = snapshot(project / "output/sample")
    (project / "output" / manifest_module.NAME).write_text('{"format": 1, "outlines": {"x": 3}, "writers": []', "utf-8")
    report = run([SAMPLE])
    assert report.ok and not report.written
    assert snapshot(project / "output/sample") == before
    (project / "output" / manifest_module.NAME).write_text(
        json.dumps({"format": 1, "outlines": {str((project / SAMPLE).resolve()): {"id": 5, "outputs": []}}}), "utf-8")
    assert run([SAMPLE]).ok


def test_builds_are_deterministic(project):
    run([SAMPLE], out_dir=Path("a"))
    run([SAMPLE], out_dir=Path("b"), force=True)
    a = {k: v[0] for k, v in snapshot(project / "a").items()}
    b = {k: v[0] for k, v in snapshot(project / "b").items()}
    assert a.keys() == b.keys()
    assert {k: v for k, v in a.items() if not k.startswith(".")} == {k: v for k, v in b.items() if not k.startswith(".")}
    record_a = json.loads(a[manifest_module.NAME])["outlines"]
    record_b = json.loads(b[manifest_module.NAME])["outlines"]
    def keys(record):
        return {name: (o["key"], o["fast"]) for e in record.values() for name, o in e["outputs"].items()}
    assert keys(record_a) == keys(record_b)


def test_language_views_keep_what_other_languages_show(sample):
    """The key of an English output ignores Chinese claim texts, but not the article's own
    glossary terms, which the English deck's notes show beside their translation."""
    from debatekit.pipeline.projection import digest

    outline = sample.outline
    claim_text = outline.strands[0].claims[0].text
    edited_claim = outline.model_copy(update={"strands": (
        outline.strands[0].model_copy(update={"claims": (
            outline.strands[0].claims[0].model_copy(update={"text": type(claim_text)({"zh": "改了", "en": claim_text["en"]})}),
            *outline.strands[0].claims[1:])}),
        *outline.strands[1:])})
    assert digest(edited_claim, "en") == digest(outline, "en")
    assert digest(edited_claim, "zh") != digest(outline, "zh")
    term = outline.glossary[0].term
    edited_term = outline.model_copy(update={"glossary": (
        outline.glossary[0].model_copy(update={"term": type(term)({"zh": "合营企业", "en": term["en"]})}),)})
    assert outline.source.language == "zh"
    assert digest(edited_term, "en") != digest(outline, "en")


def test_two_outlines_with_one_id_do_not_overwrite_each_other(project):
    copy = project / "outlines" / "copy.yaml"
    copy.write_text((project / SAMPLE).read_text("utf-8").replace("A sample outline", "A copy"), "utf-8")
    for _ in range(2):  # the second time from the manifest's fast path
        errors: list[str] = []
        report = run([SAMPLE, "outlines/copy.yaml"], errors)
        assert [str(p) for p, _ in report.failed] == ["outlines/copy.yaml"]
        assert errors == ["outlines/copy.yaml:3:5: error: the id `sample` is already used by outlines/sample.yaml in this build; "
                          "ids name the output folder, so give each outline its own"]
        assert "A copy" not in (project / "output/sample/sample-en-slides.txt").read_text("utf-8")


def test_a_defect_in_one_outline_spares_the_others(project, monkeypatch):
    import debatekit.pipeline.render as render

    real = render.digest
    monkeypatch.setattr(render, "digest", lambda outline, lang: 1 / 0 if outline.id == "other" else real(outline, lang))
    errors: list[str] = []
    report = run(["outlines/other.yaml", SAMPLE], errors)
    assert errors == ["outlines/other.yaml: error: internal error, please report it: ZeroDivisionError: division by zero"]
    assert len(report.written) == 4


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_writers_warning_about_a_setting_names_its_line(project, in_workers, monkeypatch, jobs):
    """A warning about `lesson.minutes` points at that line, from a worker process too;
    about a setting the outline lacks, at the nearest one above it."""
    lines = Path(SAMPLE).read_text(encoding="utf-8").splitlines()
    minutes = next(i for i, line in enumerate(lines, 1) if line.startswith("  minutes:"))
    lesson = next(i for i, line in enumerate(lines, 1) if line.startswith("lesson:"))
    for at, where in (("lesson.minutes", f"{minutes}:3"), ("lesson.nothing", f"{lesson}:1")):
        monkeypatch.setenv("DEBATEKIT_FAKE_WARN", f"at:{at}")
        errors: list[str] = []
        assert run([SAMPLE], errors, jobs=jobs, force=True).ok
        assert sorted(errors) == sorted(f"outlines/sample.yaml:{where}: warning: {w} ({lang}): "
                                        f"fake {w} warning in {lang}"
                                        for w in ("slides", "handout") for lang in ("zh", "en"))


@pytest.fixture
def in_workers(monkeypatch):
    """Render in worker processes even for the small sample."""
    from debatekit.pipeline import parallel

    monkeypatch.setattr(parallel, "PARALLEL_FROM", 0)


def test_rendering_in_workers_gives_the_same_bytes(project, in_workers, monkeypatch):
    monkeypatch.setenv("DEBATEKIT_FAKE_WARN", "1")
    errors: list[str] = []
    report = run([SAMPLE], errors, jobs=2)
    assert report.ok and len(report.written) == 4
    assert sorted(errors) == sorted(f"outlines/sample.yaml: warning: {w} ({lang}): fake {w} warning in {lang}"
                                    for w in ("slides", "handout") for lang in ("zh", "en"))
    serial = run([SAMPLE], out_dir=Path("serial"), jobs=1)
    assert serial.ok
    parallel_bytes = {k: v[0] for k, v in snapshot(project / "output/sample").items()}
    serial_bytes = {k: v[0] for k, v in snapshot(project / "serial/sample").items()}
    assert parallel_bytes == serial_bytes


def test_a_failure_in_a_worker_changes_nothing(project, in_workers, monkeypatch):
    run([SAMPLE], jobs=1)
    before = snapshot(project / "output")
    outline = project / SAMPLE
    outline.write_text(outline.read_text("utf-8").replace("A sample outline", "A changed outline").replace("示例大纲", "新大纲"), "utf-8")
    monkeypatch.setenv("DEBATEKIT_FAKE_FAIL", "slides:zh")
    errors: list[str] = []
    report = run([SAMPLE], errors, jobs=2)
    assert not report.ok and not report.written
    assert errors == ["outlines/sample.yaml: error: the slides writer failed for `zh`: RuntimeError: fake slides failure on purpose; "
                      "no output of this outline was changed"]
    assert snapshot(project / "output") == before


def test_an_outline_with_its_own_words_renders_in_workers(project, in_workers):
    """Workers get the outline as JSON: its `style.labels` (held read-only) must survive that."""
    outline = project / SAMPLE
    outline.write_text(outline.read_text("utf-8") + "style:\n  labels: {en: {opinion: Opinion}}\n", "utf-8")
    errors: list[str] = []
    report = run([SAMPLE], errors, jobs=2)
    assert errors == [] and report.ok and len(report.written) == 4


def test_watch_keeps_one_warm_pool_across_builds(project, in_workers):
    from debatekit.pipeline import workers

    with workers.kept_workers(2):
        first = run([SAMPLE], jobs=2)
        pool = workers._KEPT["pool"]
        outline = project / SAMPLE
        outline.write_text(outline.read_text("utf-8").replace("示例大纲", "第二版大纲"), "utf-8")
        second = run([SAMPLE], jobs=2)
        assert workers._KEPT["pool"] is pool
    assert workers._KEPT == {}
    assert len(first.written) == 4 and sorted(p.name for p in second.written) == ["sample-zh-handout.txt", "sample-zh-slides.txt"]
    assert "第二版大纲" in (project / "output/sample/sample-zh-slides.txt").read_text("utf-8")
    assert "示例大纲" not in (project / "output/sample/sample-zh-handout.txt").read_text("utf-8")


def test_a_forced_rebuild_uses_the_remembered_reading_with_its_warnings(project, monkeypatch):
    first_errors: list[str] = []
    run([SAMPLE], first_errors)
    def no_parsing(*args, **kwargs):
        raise AssertionError("the outline was read again although nothing changed")

    monkeypatch.setattr("debatekit.pipeline.render.read_outline", no_parsing)
    again: list[str] = []
    report = run([SAMPLE], again, force=True)
    assert report.ok and sorted(p.name for p in report.unchanged) == ALL_SAMPLE
    assert [e for e in again if ": warning: " in e] == [e for e in first_errors if ": warning: " in e]


@pytest.mark.parametrize("change", ["outline", "source", "cache"])
def test_a_remembered_reading_is_not_used_once_an_input_changed(project, change):
    run([SAMPLE])
    source = project / "seeds" / SEED.name
    quote = next(line.split("quote:", 1)[1].strip().strip('"')
                 for line in (project / SAMPLE).read_text("utf-8").splitlines() if "quote:" in line)
    if change == "source":       # the article loses a quoted sentence: the build must say so
        source.write_text(source.read_text("utf-8").replace(quote, ""), "utf-8")
    elif change == "outline":    # the outline gains an error
        text = (project / SAMPLE).read_text("utf-8")
        (project / SAMPLE).write_text(text.replace("id: sample", "id: Sample!"), "utf-8")
    else:                        # a damaged cache file is ignored
        for cached in (project / "output" / files.CACHE_FOLDER).iterdir():
            cached.write_bytes(b"debatekit-reading/2\n" + b"0" * 32 + b"not a pickle")
    errors: list[str] = []
    report = run([SAMPLE], errors, force=True)
    assert report.ok == (change == "cache"), errors
    if change == "source":
        assert any("quote" in e and ": error: " in e for e in errors), errors


class _Planted:
    """A pickle that, once loaded, would create a file: what a foreign cache could hold."""

    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        return (Path.touch, (self.marker,))


def test_a_remembered_reading_not_signed_by_this_user_is_never_unpickled(project, tmp_path):
    import pickle

    from debatekit.pipeline import readings

    run([SAMPLE])
    marker = tmp_path / "ran"
    for cached in (project / "output" / files.CACHE_FOLDER).iterdir():
        # a kit copied from elsewhere: right format, a signature made with another key
        cached.write_bytes(readings.FORMAT + b"\x00" * readings.SIGNATURE_BYTES
                           + pickle.dumps(_Planted(marker)))
    errors: list[str] = []
    report = run([SAMPLE], errors, force=True)
    assert report.ok, errors
    assert not marker.exists()
