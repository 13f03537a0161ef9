"""`debatekit validate`: every rule of the outline format, with its exact message."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from debatekit.cli import main
from support import FLAGSHIP, SEED, run_validate

run = run_validate


# (name, edits to the sample outline, exact stderr lines)
CASES = [
    ("unknown-key", [("        kind: opinion\n        text: {zh: 美国", "        kindd: opinion\n        text: {zh: 美国")], [
        'o.yaml:33:9: error: unknown key `kindd`; did you mean `kind`?',
        '1 error, 0 warnings',
    ]),
    ("unknown-top-key", [("thesis:", "thesys:")], [
        'o.yaml:20:1: error: unknown key `thesys`; did you mean `thesis`?',
        '1 error, 0 warnings',
    ]),
    ("bool-as-text", [("label: \"2025\"", "label: NO")], [
        'o.yaml:60:21: error: `NO` is read by YAML as a boolean (true/false), not text; put it in quotes: "NO"',
        '1 error, 0 warnings',
    ]),
    ("version-number-as-text", [("label: \"2025\"", "label: 1.10")], [
        'o.yaml:60:21: error: `1.10` is read by YAML as a number, not text; put it in quotes: "1.10"',
        '1 error, 0 warnings',
    ]),
    ("on-as-number", [("minutes: 45", "minutes: on")], [
        'o.yaml:17:12: error: `minutes` must be a whole number; `on` is read by YAML as a boolean (true/false)',
        '1 error, 0 warnings',
    ]),
    ("number-as-text-quoted", [("minutes: 45", "minutes: \"45\"")], [
        'o.yaml:17:12: error: `minutes` must be a whole number; remove the quotes',
        '1 error, 0 warnings',
    ]),
    ("empty-value", [("publisher: 073980.com", "publisher:")], [
        'o.yaml:9:13: error: `publisher` has no value',
        '1 error, 0 warnings',
    ]),
    ("bad-kind", [("kind: prediction", "kind: predction")], [
        'o.yaml:42:15: error: `predction` is not a valid kind; expected fact, opinion, prediction; did you mean `prediction`?',
        '1 error, 0 warnings',
    ]),
    ("bad-status", [("status: stated", "status: checked")], [
        'o.yaml:48:17: error: `checked` is not a valid status; expected stated, verified, disputed, misleading, false',
        '1 error, 0 warnings',
    ]),
    ("bad-format", [("format: debatekit/1", "format: debatekit/2")], [
        'o.yaml:2:9: error: unsupported format `debatekit/2`; this version of debatekit reads `debatekit/1`',
        '1 error, 0 warnings',
    ]),
    ("bad-id", [("id: europe-shop", "id: Europe_Shop")], [
        'o.yaml:41:13: error: `Europe_Shop` is not a valid id: use lowercase letters, digits and hyphens, starting with a letter or digit',
        '1 error, 0 warnings',
    ]),
    ("bad-language-code", [("languages: [zh, en]", "languages: [zh, English]")], [
        'o.yaml:4:17: error: `English` is not a language code such as `zh` or `en`',
        '1 error, 0 warnings',
    ]),
    ("languages-not-a-list", [("languages: [zh, en]", "languages: zh")], [
        'o.yaml:4:12: error: `languages` must be a list (`[a, b]` or `- item` lines)',
        '1 error, 0 warnings',
    ]),
    ("missing-required", [("thesis: {zh: TikTok已成为电商基础设施, en: TikTok has become e-commerce infrastructure}\n", "\n")], [
        'o.yaml:2:1: error: missing required key `thesis`',
        '1 error, 0 warnings',
    ]),
    ("missing-required-does-not-hide-the-rest", [("thesis: {zh: TikTok已成为电商基础设施, en: TikTok has become e-commerce infrastructure}\n", "\n"), ("id: future", "id: deal")], [
        'o.yaml:2:1: error: missing required key `thesis`',
        'o.yaml:38:9: error: duplicate id `deal` (first used at line 22); ids are unique across the outline',
        '2 errors, 0 warnings',
    ]),
    ("missing-translation", [("en: The US made a real concession}", "es: The US made a real concession}")], [
        'o.yaml:34:29: error: language `es` is not in `languages` (zh, en); is it the missing `en` translation?',
        '1 error, 0 warnings',
    ]),
    ("plain-text-in-two-languages", [("  - {zh: 这篇文章是谁写的？, en: \"Who wrote this article?\"}", "  - Who wrote this article?")], [
        'o.yaml:75:5: error: this text needs every language of the outline; write it as {zh: ..., en: ...}',
        '1 error, 0 warnings',
    ]),
    ("duplicate-id", [("id: future", "id: deal")], [
        'o.yaml:38:9: error: duplicate id `deal` (first used at line 22); ids are unique across the outline',
        '1 error, 0 warnings',
    ]),
    ("unknown-reference", [("supports: [us-concession]", "supports: [us-concesion]")], [
        'o.yaml:31:20: error: no claim has the id `us-concesion`; did you mean `us-concession`?',
        '1 error, 0 warnings',
    ]),
    ("self-reference", [("supports: [us-concession]", "supports: [deal-stake]")], [
        'o.yaml:31:20: error: a claim cannot support itself',
        '1 error, 0 warnings',
    ]),
    ("status-on-opinion", [("        kind: opinion\n        text: {zh: 美国", "        kind: opinion\n        status: stated\n        text: {zh: 美国")], [
        'o.yaml:34:17: error: `status` belongs to facts only; this claim is an opinion',
        '1 error, 0 warnings',
    ]),
    ("verified-without-check", [("status: stated", "status: verified")], [
        'o.yaml:48:17: error: a fact marked `verified` needs a `check` with a note and sources',
        '1 error, 0 warnings',
    ]),
    ("figure-cites-prediction", [("claim: users-2025}", "claim: europe-shop}")], [
        "o.yaml:60:48: error: a figure's number must come from a fact claim; `europe-shop` is a prediction",
        '1 error, 0 warnings',
    ]),
    ("figure-cites-unknown", [("claim: users-2025}", "claim: users-2026}")], [
        'o.yaml:60:48: error: no claim has the id `users-2026`; did you mean `users-2025`?',
        '1 error, 0 warnings',
    ]),
    ("empty-side", [("    con:\n      - point: {zh: 美国获得了数据控制, en: The US gained control of the data}\n        kind: opinion\n", "    con: []\n\n\n")], [
        'o.yaml:69:10: error: the `con` side has no points; each side needs at least one',
        '1 error, 0 warnings',
    ]),
    ("point-with-claim-and-point", [("      - claim: deal-stake\n", "      - claim: deal-stake\n        point: {zh: 额外, en: extra}\n")], [
        'o.yaml:65:9: error: a debate point is either `claim:` (from the article) or `point:` (your own), not both',
        '1 error, 0 warnings',
    ]),
    ("own-point-without-kind", [("        kind: opinion\n    con:", "\n    con:")], [
        'o.yaml:67:9: error: a point of your own needs `kind:` (fact, opinion or prediction)',
        '1 error, 0 warnings',
    ]),
    ("own-fact-without-sources", [("        kind: opinion\n    con:", "        kind: fact\n    con:")], [
        'o.yaml:67:9: error: a point of your own of kind `fact` needs `sources:` (a list of where it can be checked)',
        '1 error, 0 warnings',
    ]),
    ("claim-point-with-kind", [("      - claim: deal-stake\n", "      - claim: deal-stake\n        kind: fact\n")], [
        'o.yaml:66:9: error: `kind` comes from the claim `deal-stake`; remove it here',
        '1 error, 0 warnings',
    ]),
    ("source-missing", [(SEED.as_posix(), "/nonexistent/article.txt")], [
        'o.yaml:7:9: error: source file not found: /nonexistent/article.txt',
        '1 error, 0 warnings',
    ]),
    ("quote-not-in-source", [("quote: 字节跳动保留了TikTok美国数据安全合资公司19.9%的股份", "quote: 字节跳动保留了TikTok美国数据合资公司20%的股份")], [
        'o.yaml:29:16: error: quote not found in the source; closest passage (source line 20): “字节跳动保留了TikTok美国数据安全合资公司19.9%的股份,还是最大的单一股东。”',
        '1 error, 0 warnings',
    ]),
    ("quote-gap-across-paragraphs", [("quote: 2026年,TikTok Shop计划全面进入欧洲市场", "quote: 2026年,TikTok Shop计划全面进入欧洲市场……从博弈赢家")], [
        'o.yaml:44:16: error: quote not found in the source; closest passage (source line 54): “2026年,TikTok Shop计划全面进入欧洲市场。”',
        '1 error, 0 warnings',
    ]),
    ("signal-not-in-quote", [("signals: [清楚地说明]", "signals: [显然]")], [
        'o.yaml:36:19: error: signal word `显然` does not occur in the quote',
        '1 error, 0 warnings',
    ]),
    ("unknown-label", [("glossary:", "style:\n  labels: {en: {opinon: View}}\nglossary:")], [
        'o.yaml:77:17: error: unknown label `opinon`; did you mean `opinion`?',
        '1 error, 0 warnings',
    ]),
    ("label-with-unpaired-brace", [("glossary:", "style:\n  labels: {en: {page_of: 'Page {page of {pages}'}}\nglossary:")], [
        'o.yaml:77:26: error: label `page_of` has an unpaired `{` or `}`; write `{{` or `}}` for a literal brace',
        '1 error, 0 warnings',
    ]),
    ("label-with-unknown-placeholder", [("glossary:", "style:\n  labels: {zh: {page_of: '第{page}页/{total}'}}\nglossary:")], [
        'o.yaml:77:26: error: label `page_of` cannot fill `{total}`; it may use {page}, {pages}',
        '1 error, 0 warnings',
    ]),
    ("potx-template", [("glossary:", "style: {template: school.potx}\nglossary:")], [
        'o.yaml:76:19: error: PowerPoint templates (.potx) cannot be read; open it in PowerPoint and save it as a .pptx',
        '1 error, 0 warnings',
    ]),
    ("lint-fact-with-opinion-words", [("quote: 到2025年底,TikTok在美国的用户已经超过了2亿", "quote: 这清楚地说明了美国在这场斗争中做出了实质性的让步")], [
        'o.yaml:50:16: warning: a fact whose quote holds opinion words (说明, 清楚地); split off the judgement or label it an opinion [fact-judges]',
        '0 errors, 1 warning',
    ]),
    ("lint-prediction-without-future", [("quote: 2026年,TikTok Shop计划全面进入欧洲市场", "quote: 到2025年底,TikTok在美国的用户已经超过了2亿")], [
        'o.yaml:44:16: warning: a prediction whose quote has no word about the future; is it a fact or an opinion? [no-future]',
        '0 errors, 1 warning',
    ]),
    ("lint-prediction-with-its-own-signals", [("quote: 2026年,TikTok Shop计划全面进入欧洲市场", "quote: 到2025年底,TikTok在美国的用户已经超过了2亿\n        signals: [超过了]")], []),
    ("lint-no-why", [("        why: {zh: 数字可以核实, en: A number that can be checked}\n", "")], [
        'o.yaml:46:9: warning: claim `users-2025` has no `why`: the answer key cannot give the reason for its label [no-why]',
        '0 errors, 1 warning',
    ]),
    ("lint-figure-values-far-apart", [("          - {label: \"2025\", value: 200, claim: users-2025}\n",
                                       "          - {label: \"2025\", value: 200, claim: users-2025}\n"
                                       "      - name: {zh: 增长, en: growth}\n"
                                       "        points:\n"
                                       "          - {label: \"2025\", value: 0, claim: users-2025}\n"
                                       "          - {label: \"2026\", value: -1.5, claim: users-2025}\n")], [
        'o.yaml:64:36: warning: the values of figure `users` differ by more than 100x (1.5 to 200): the small bars will not be readable; split it into two figures [figure-scale]',
        '0 errors, 1 warning',
    ]),
    # a hundred times apart still reads (2 next to 200); a zero has no size to lose
    ("lint-figure-values-a-hundredfold", [("          - {label: \"2025\", value: 200, claim: users-2025}\n",
                                           "          - {label: \"2025\", value: 200, claim: users-2025}\n"
                                           "          - {label: \"2026\", value: 2, claim: users-2025}\n"
                                           "          - {label: \"2027\", value: 0, claim: users-2025}\n")], []),
    ("errors-in-file-order", [("thesis:", "foo: 1\nthesis:"), ("kind: prediction", "kind: predction"), ("id: future", "id: deal"), ("minutes: 45", "minutes: on"), ("signals: [清楚地说明]", "signals: [显然]")], [
        'o.yaml:17:12: error: `minutes` must be a whole number; `on` is read by YAML as a boolean (true/false)',
        'o.yaml:20:1: error: unknown key `foo`',
        'o.yaml:37:19: error: signal word `显然` does not occur in the quote',
        'o.yaml:39:9: error: duplicate id `deal` (first used at line 23); ids are unique across the outline',
        'o.yaml:43:15: error: `predction` is not a valid kind; expected fact, opinion, prediction; did you mean `prediction`?',
        '5 errors, 0 warnings',
    ]),
]


def test_bare_false_is_a_status_word_but_no_is_not(tmp_path):
    check = "        check: {note: {zh: 不实, en: untrue}, sources: [a named source]}\n"
    false = [("status: stated\n", "status: false\n" + check)]
    assert run(false, tmp=tmp_path)[:3:2] == (0, "")
    no = [("status: stated\n", "status: no\n" + check)]
    assert run(no, tmp=tmp_path)[2].splitlines()[0] == "o.yaml:48:17: error: `no` is read by YAML as a boolean (true/false), not text; put it in quotes: \"no\""


@pytest.mark.parametrize("name,edits,expected", CASES, ids=[c[0] for c in CASES])
def test_rule_is_reported_exactly(name, edits, expected):
    code, _, err = run(edits)
    assert err.splitlines() == expected
    assert code == (1 if any(": error: " in line for line in expected) else 0)


def test_the_shipped_outline_validates_strictly_with_no_warning():
    """The flagship is what teachers get: a warning in it is a defect, and it fails here
    with the located problems rather than being skipped by the tests that use it."""
    result = CliRunner().invoke(main, ["validate", "--strict", str(FLAGSHIP)])
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.splitlines()[-1] == "0 errors, 0 warnings"
