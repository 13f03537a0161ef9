"""The web pages in a real browser: Debian's Chromium driven by Playwright, axe-core run
inside each page, the self-check worked by keyboard and by mouse, no network request, the
page at 1280, 640 (a 1280-pixel screen at 200% zoom) and 360 pixels wide, and printed to
PDF on A4 and Letter. Skipped only where Chromium or Playwright is not installed.

Screenshots and PDFs are kept in ``$DEBATEKIT_WEB_SHOTS`` when that is set, to be looked at.
"""

from __future__ import annotations

import io
import os
import shutil
from pathlib import Path

import pytest

from debatekit.job import Job
from debatekit.labels import labels_for as words
from debatekit.reader import read_outline
from debatekit.web import student, teacher
from support import DATA, FLAGSHIP

CHROMIUM = shutil.which("chromium") or (
    "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None
)
sync_api = pytest.importorskip("playwright.sync_api", reason="needs Playwright's Python package")
axe_module = pytest.importorskip(
    "axe_playwright_python.sync_playwright", reason="needs axe-playwright-python"
)
pytestmark = [pytest.mark.slow, pytest.mark.skipif(CHROMIUM is None, reason="needs chromium")]

OUTLINES = {"tiktok-us-deal": FLAGSHIP, "phones-en": DATA / "phones-en.yaml"}
PAGES = [
    (o, lang, kind)
    for o, lang in (("tiktok-us-deal", "zh"), ("tiktok-us-deal", "en"), ("phones-en", "en"))
    for kind in ("student", "teacher")
]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """Every page written to a folder, as a teacher would put them on a USB stick."""
    folder = tmp_path_factory.mktemp("pages")
    readings = {}
    for name, path in OUTLINES.items():
        r = read_outline(path)
        readings[name] = r
        for lang in r.outline.languages:
            job = Job(r.outline, lang, article=r.article)
            (folder / f"{name}-{lang}-student.html").write_bytes(student.render(job))
            (folder / f"{name}-{lang}-teacher.html").write_bytes(teacher.render(job))
    return folder, readings


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM)
        yield chromium
        chromium.close()


@pytest.fixture
def open_page(browser, site):
    """Open a page in a fresh context that records every request and lets none out."""
    contexts = []

    def opener(name: str, lang: str, kind: str, width: int = 1280, storage_throws: bool = False):
        context = browser.new_context(viewport={"width": width, "height": 900})
        contexts.append(context)
        if storage_throws:
            context.add_init_script(
                "Object.defineProperty(window, 'localStorage', {get() {"
                " throw new DOMException('denied', 'SecurityError'); }});"
            )
        requests: list[str] = []

        def record(route):
            requests.append(route.request.url)
            if route.request.url.startswith("file://"):
                route.continue_()
            else:
                route.abort()

        context.route("**/*", record)
        page = context.new_page()
        url = (site[0] / f"{name}-{lang}-{kind}.html").as_uri()
        page.goto(url)
        page.wait_for_load_state("load")
        page.requests = requests
        page.url_of_file = url
        return page

    yield opener
    for context in contexts:
        context.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    """Where screenshots and printed PDFs go: ``$DEBATEKIT_WEB_SHOTS`` to keep them."""
    folder = os.environ.get("DEBATEKIT_WEB_SHOTS")
    if not folder:
        return tmp_path_factory.mktemp("shots")
    Path(folder).mkdir(parents=True, exist_ok=True)
    return Path(folder)


@pytest.mark.parametrize("name,lang,kind", PAGES)
def test_axe_finds_no_violation(open_page, name, lang, kind):
    page = open_page(name, lang, kind)
    results = axe_module.Axe().run(page)
    found = [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
        for v in results.response["violations"]
    ]
    assert not [v for v in found if v[1] in ("serious", "critical")], found
    # the pages have none of the lesser kinds either: keep it so
    assert not found, found
    assert results.response["passes"], "axe ran no rule at all"
    assert set(page.requests) == {page.url_of_file}


def _score(page) -> str:
    return page.inner_text("#score")


@pytest.mark.parametrize(
    "name,lang", [("tiktok-us-deal", "en"), ("tiktok-us-deal", "zh"), ("phones-en", "en")]
)
def test_self_check_by_mouse_keeps_progress_and_starts_again(open_page, site, name, lang):
    outline = site[1][name].outline
    w = words(outline, lang)
    claims = outline.exercise_claims
    total = len(claims)
    page = open_page(name, lang, "student")
    first, second = claims[0], claims[1]
    body = page.inner_text("body")
    assert first.why[lang] not in body, "a reason is shown before the answer"
    assert page.inner_text("#item1-feedback") == ""
    # checking without a choice asks for one and reveals nothing
    page.click("#item1 button.check")
    assert page.inner_text("#item1-feedback").strip() == w["choose_first"]
    page.click(f"#item1 label:has(input[value={first.kind}])")
    page.fill("#item1-reason", "my reason")
    page.click("#item1 button.check")
    feedback = page.inner_text("#item1-feedback")
    assert w["answer_right"] in feedback and first.why[lang] in feedback
    wrong = next(
        k
        for k in ("fact", "opinion", "prediction")
        if k != second.kind and k not in {a.kind for a in second.accept}
    )
    page.click(f"#item2 label:has(input[value={wrong}])")
    page.click("#item2 button.check")
    assert w["answer_wrong"] in page.inner_text("#item2-feedback")
    assert w[second.kind] in page.inner_text("#item2-feedback")
    assert _score(page) == w["score"].format(right=1, total=total, answered=2)
    assert page.is_disabled(f"#item1 input[value={first.kind}]")
    # the feedback the script puts on the page passes axe too
    assert not axe_module.Axe().run(page).response["violations"]
    page.reload()
    assert _score(page) == w["score"].format(right=1, total=total, answered=2)
    assert page.input_value("#item1-reason") == "my reason"
    assert first.why[lang] in page.inner_text("#item1-feedback")
    # starting again asks first: declined, nothing is lost; accepted, all is cleared
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.click("#start-again")
    assert _score(page) == w["score"].format(right=1, total=total, answered=2)
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("#start-again")
    assert _score(page) == w["score"].format(right=0, total=total, answered=0)
    assert page.inner_text("#item1-feedback") == ""
    page.reload()
    assert _score(page) == w["score"].format(right=0, total=total, answered=0)
    assert set(page.requests) == {page.url_of_file}


def test_self_check_by_keyboard_alone(open_page, site):
    outline = site[1]["tiktok-us-deal"].outline
    w = words(outline, "en")
    claim = next(c for c in outline.exercise_claims[:1])
    page = open_page("tiktok-us-deal", "en", "student")
    # Tab from the top of the page reaches the first statement's choices
    for _ in range(400):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == "item1-kind":
            break
    else:
        pytest.fail("Tab never reaches the first statement's choices")
    order = ["fact", "opinion", "prediction"]
    # the first radio takes focus without being chosen; arrows choose
    page.keyboard.press("Space")
    current = page.evaluate("document.activeElement.value")
    for _ in range((order.index(claim.kind) - order.index(current)) % 3):
        page.keyboard.press("ArrowRight")
    assert page.evaluate("document.activeElement.value") == claim.kind
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "item1-reason"
    page.keyboard.type("because")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "check"
    # a visible focus ring on the button
    outline_style = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline_style != "none"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "item1-feedback"
    assert w["answer_right"] in page.inner_text("#item1-feedback")
    assert _score(page) == w["score"].format(
        right=1, total=len(outline.exercise_claims), answered=1
    )
    # Tab goes on to the next statement (past its paragraph link, if any)
    for _ in range(3):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == "item2-kind":
            break
    assert page.evaluate("document.activeElement.name") == "item2-kind"


def test_self_check_works_where_storage_is_refused(open_page, site):
    outline = site[1]["phones-en"].outline
    w = words(outline, "en")
    claim = outline.exercise_claims[0]
    errors: list[str] = []
    page = open_page("phones-en", "en", "student", storage_throws=True)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.click(f"#item1 label:has(input[value={claim.kind}])")
    page.click("#item1 button.check")
    assert w["answer_right"] in page.inner_text("#item1-feedback")
    assert _score(page) == w["score"].format(
        right=1, total=len(outline.exercise_claims), answered=1
    )
    assert not errors


@pytest.mark.parametrize("name,lang,kind", PAGES)
def test_pages_fit_narrow_screens_and_200_percent_zoom(open_page, shots, name, lang, kind):
    for width in (1280, 640, 360):
        page = open_page(name, lang, kind, width=width)
        overflow = page.evaluate("document.documentElement.scrollWidth")
        assert overflow <= width, f"{width}px: the page is {overflow}px wide"
        size = page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
        assert size >= 16, f"{width}px: body text at {size}px"
        # controls stay large enough to hit with a finger (WCAG 2.5.8: 24 px)
        heights = page.evaluate(
            "[...document.querySelectorAll('button, label.choice, summary')]"
            ".map(e => e.getBoundingClientRect().height)"
        )
        assert heights and min(heights) >= 24, f"{width}px: a control {min(heights)}px high"
        shot = shots / f"{name}-{lang}-{kind}-{width}.png"
        page.screenshot(path=str(shot))
        assert shot.stat().st_size > 10_000, "an empty-looking screenshot"
        if kind == "student":
            page.locator("#item1").screenshot(
                path=str(shots / f"{name}-{lang}-{kind}-{width}-item.png")
            )
        page.locator("div.map-block").first.screenshot(
            path=str(shots / f"{name}-{lang}-{kind}-{width}-map.png")
        )


@pytest.mark.parametrize(
    "name,lang,kind",
    [
        ("tiktok-us-deal", "zh", "student"),
        ("tiktok-us-deal", "en", "teacher"),
        ("phones-en", "en", "student"),
    ],
)
def test_pages_print_on_a4_and_letter(open_page, site, shots, name, lang, kind):
    from pypdf import PdfReader

    page = open_page(name, lang, kind)
    title = site[1][name].outline.title[lang]
    for paper in ("A4", "Letter"):
        pdf = page.pdf(format=paper, print_background=True)
        reader = PdfReader(io.BytesIO(pdf))
        assert len(reader.pages) >= 2
        box = reader.pages[0].mediabox
        expected = {"A4": (595, 842), "Letter": (612, 792)}[paper]
        # Chromium rounds the paper to whole CSS pixels: within 2 points
        assert abs(float(box.width) - expected[0]) < 2 and abs(float(box.height) - expected[1]) < 2
        first = reader.pages[0].extract_text()
        # extraction spaces CJK text out: compare without white space
        assert "".join(title.split())[:8] in "".join(first.split())
        # the on-screen furniture is not printed
        assert words(site[1][name].outline, lang)["web_contents"] not in first
        (shots / f"{name}-{lang}-{kind}-{paper}.pdf").write_bytes(pdf)
