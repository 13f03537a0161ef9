"""The build as a process: killed midway, its imports on a no-op, its bytes across hash seeds."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import fake_writers as fakes
from debatekit.files import CACHE_FOLDER
from debatekit.registry import select

pytestmark = pytest.mark.slow

HEAVY = ("yaml", "pydantic", "pptx", "reportlab", "lxml", "debatekit.reader", "debatekit.slides",
         "debatekit.pdf", "debatekit.handout", "debatekit.debate")


@pytest.fixture
def project(sample_project):
    return sample_project


def debatekit(project: Path, *args: str, env: dict | None = None, fake: bool = True, timeout: float = 60):
    command = fakes.cli_command(*args) if fake else [sys.executable, "-m", "debatekit", *args]
    return subprocess.run(command, cwd=project, capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, **(env or {})})


def tree(folder: Path) -> dict[str, bytes]:
    """The outputs under folder (not the build record or temporary files) with their bytes."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and not p.name.startswith(".")}


def test_a_killed_build_changes_no_output_and_leaves_nothing_after_the_next(project):
    assert debatekit(project, "build").returncode == 0
    before = tree(project / "output")
    outline = project / "outlines/sample.yaml"
    outline.write_text(outline.read_text("utf-8").replace("示例大纲", "改过的大纲").replace("A sample", "An edited"), "utf-8")
    process = subprocess.Popen(fakes.cli_command("build"), cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               env={**os.environ, "DEBATEKIT_FAKE_SLOW_REPLACE": "30"})
    try:
        deadline = time.monotonic() + 30
        while not list((project / "output").rglob("*.part")):
            assert process.poll() is None, "the build ended before it could be killed"
            assert time.monotonic() < deadline, "the build never wrote a temporary file"
            time.sleep(0.02)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
    parts = list((project / "output").rglob("*.part"))
    assert parts  # the kill came between writing a temporary file and moving it into place
    assert tree(project / "output") == before
    result = debatekit(project, "build")
    assert result.returncode == 0, result.stderr
    assert not list((project / "output").rglob("*.part"))
    # dot-named: only the build's own records (the manifest, the remembered readings)
    records = [p for p in (project / "output").rglob("*") if p.name.startswith(".")]
    assert all(p.name in (".debatekit-manifest.json", CACHE_FOLDER)
               or p.parent.name == CACHE_FOLDER and re.fullmatch(r"\.reading-[0-9a-f]{32}\.pickle", p.name)
               for p in records), records
    assert "An edited" in (project / "output/sample/sample-en-slides.txt").read_text("utf-8")
    assert "改过的大纲" in (project / "output/sample/sample-zh-handout.txt").read_text("utf-8")


def _build_and_list_imports(project: Path, args: list[str], prefixes: tuple[str, ...]) -> str:
    """Build ``args`` in a fresh interpreter after a first real build of the Markdown
    prompts: its exit code, the imported modules starting with ``prefixes``, and whether
    the Markdown writer was imported."""
    first = debatekit(project, "build", "--only", "debate-md", fake=False)
    assert first.returncode == 0, first.stderr
    probe = (
        "import sys\n"
        "from debatekit.cli import main\n"
        "try:\n"
        f"    main({['build', '--only', 'debate-md', '--quiet', *args]!r})\n"
        "except SystemExit as exit:\n"
        f"    found = sorted(m for m in sys.modules if m.startswith({prefixes!r}))\n"
        "    print(exit.code, found, 'debatekit.debate.markdown' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], cwd=project, capture_output=True, text=True, timeout=60)
    return result.stdout.strip() + result.stderr


def test_noop_rebuild_imports_no_yaml_parser_model_or_writer(project):
    assert _build_and_list_imports(project, [], HEAVY) == "0 [] False"


def test_outputs_are_identical_across_hash_seeds_and_worker_processes(project):
    """Every registered writer, for real: same outline, same bytes, whatever the hash seed
    and whether rendered in this process or in workers."""
    in_workers = ("import debatekit.pipeline.parallel as p; p.PARALLEL_FROM = 0; "
                  "from debatekit.cli import main; main()")
    results = []
    for seed, out, command in (("1", "a", [sys.executable, "-m", "debatekit"]),
                               ("2", "b", [sys.executable, "-c", in_workers])):
        result = subprocess.run([*command, "build", "--out", out, "--quiet", "--jobs", "1" if out == "a" else "2"],
                                cwd=project, capture_output=True, text=True, timeout=180,
                                env={**os.environ, "PYTHONHASHSEED": seed})
        assert result.returncode == 0, result.stderr
        results.append(tree(project / out))
    assert results[0].keys() == {f"sample/{spec.filename('sample', lang)}" for spec in select(None) for lang in ("zh", "en")}
    assert results[0] == results[1]


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc (Linux)")
def test_a_killed_parallel_build_leaves_no_worker_behind(project):
    code = (f"import sys; sys.path.insert(0, {str(fakes.TESTS)!r}); import fake_writers as f; f.install(); "
            "import debatekit.pipeline.parallel as p; p.PARALLEL_FROM = 0; from debatekit.cli import main; main()")
    process = subprocess.Popen([sys.executable, "-c", code, "build", "--jobs", "2"], cwd=project,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               env={**os.environ, "DEBATEKIT_FAKE_SLOW": "20"})
    workers: list[int] = []
    try:
        deadline = time.monotonic() + 30
        while len(workers) < 3:  # two workers and multiprocessing's resource tracker
            assert time.monotonic() < deadline, "the workers never started"
            workers = _children(process.pid)
            time.sleep(0.05)
        time.sleep(1)  # let the workers take their renders
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
        deadline = time.monotonic() + 15
        while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not [pid for pid in workers if _alive(pid)]
    finally:
        for pid in [process.pid, *workers]:
            try:
                os.kill(pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
    assert not (project / "output/sample").exists()


def test_a_forced_rebuild_from_a_remembered_outline_imports_no_validation(project):
    """The outline was read and validated by the first build: a forced rebuild renders
    from the remembered reading, with the model's plain classes, and never imports the
    YAML parser, pydantic, the outline's shape or the reader."""
    found = _build_and_list_imports(project, ["--force", "--jobs", "1"], (
        "yaml", "pydantic", "debatekit.shape", "debatekit.reader", "debatekit.checks"))
    assert found == "0 [] True"
