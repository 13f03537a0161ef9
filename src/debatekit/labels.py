"""The tool's own words, per language, in one table.

Writers ask ``labels_for(outline, lang)`` and index it by key. An outline may override or
supply words under ``style.labels``; a language with no table of its own falls back to
English for any word the outline does not supply.
"""

from __future__ import annotations

import string
from types import MappingProxyType
from typing import Mapping

from .model import Outline

_EN = {
    # kinds and statuses
    "fact": "Stated fact",
    "opinion": "Opinion",
    "prediction": "Prediction",
    "fact_short": "Fact",
    "stated": "stated, not checked",
    "verified": "verified",
    "disputed": "disputed",
    "misleading": "misleading",
    "false": "false",
    "status": "Status",
    "kind": "Kind",
    # what a kind means, as students are taught it
    "fact_test": "Can be shown true or false with evidence. It need not be true.",
    "opinion_test": "A judgement or interpretation: it can be supported, not proven.",
    "prediction_test": "A statement about the future: it can only be checked later.",
    # sections
    "about_source": "About the source",
    "publisher": "Publisher",
    "author": "Author",
    "published": "Published",
    "accessed": "Accessed",
    "perspective": "Who is behind it",
    "thesis": "The article's central claim",
    "objectives": "Lesson objectives",
    "level": "Level",
    "minutes": "{n} minutes",
    "badge_key": "How to read the badges",
    "strand": "Strand",
    "claims": "Claims",
    "speaker": "Said by",
    "the_author": "the author",
    "quote": "Quote",
    "why": "Why this label",
    "check": "Check",
    "sources": "Sources",
    "notes": "Teacher notes",
    "signals": "Signal words",
    "argument_map": "Argument map",
    "figures": "Figures",
    "as_stated": "As stated in the article, not checked",
    "balance": "Facts, opinions and predictions per strand",
    "quiz": "Fact, opinion or prediction?",
    "quiz_answer": "Answer",
    "debate": "Debate",
    "motion": "Motion",
    "context": "Context",
    "pro": "For",
    "con": "Against",
    "debate_questions": "Rebuttal and cross-examination",
    "discussion": "Discussion questions",
    "glossary": "Glossary",
    "source_credits": "Sources and credits",
    "continued": "continued",
    "page_of": "Page {page} of {pages}",
    "supports": "supports",
    "challenges": "challenges",
    # handout and answer key
    "handout": "Student handout",
    "answer_key": "Answer key",
    "teacher_only": "For the teacher",
    "worksheet": "Worksheet: fact, opinion or prediction?",
    "statement": "Statement",
    "your_label": "Fact / opinion / prediction",
    "how_check": "How could you check it?",
    "signal_exercise": "Signal words",
    "debate_prep": "Debate preparation",
    "your_arguments": "Your arguments",
    "summary": "Summary",
    "name_line": "Name",
    # handout and answer key: instructions and references
    "worksheet_task": "For each statement, write whether it is a fact, an opinion or a prediction, and how you could check it.",
    "signal_task": "Underline the words in each quote that signal its kind, then write which kind they signal.",
    "kind_signalled": "Which kind?",
    "debate_task": "Note the strongest arguments for each side and mark each one fact, opinion or prediction.",
    "number": "No.",
    "statement_no": "statement {n}",
    # debate cards
    "debate_cards": "Debate cards",
    "side": "Side",
    "overview": "Teacher's overview",
    "from_article": "From the article",
    "own_point": "Teacher's point",
    "counts": "{fact} facts, {opinion} opinions, {prediction} predictions",
    "card_continued": "continued on the next card",
    "generated_by": "Made with debatekit",
    # debate prompts (Markdown) and cards
    "debate_prompts": "Debate prompts",
    "motion_number": "Motion {n}",
    "based_on": "Based on",
    "how_used": "How this side uses it",
    "quote_by": "{speaker}, in the article",
    "kinds_key": "Key: fact, opinion or prediction?",
    "status_key": "A stated fact also shows what is known about it:",
    "questions_for_other_side": "Questions for the other side",
    "card_of": "card {card} of {cards}",
    "which_leans": "Which side leans on opinion?",
    "total": "Total",
    # visuals: argument maps, figure captions, balance chart
    "map_overview": "overview",
    "map_reference": "claim shown on another map",
    "figure_source": "Source: {source}; numbers from claims {claims}.",
    "figure_all_stated": "As stated in the article, not checked.",
    "figure_statuses": "Cited claims: {statuses}.",
    "balance_prompt": "“{strand}” rests most on opinions and predictions ({n} of {total} claims). What evidence would convince you of it?",
    "balance_prompt_facts": "Every strand rests on stated facts. Which of them would you check first, and how?",
    "balance_count": "Number of claims",
    # slides
    "source_line": "Source: {source}",
    "quiz_item": "Statement {n} of {total}",
    "article": "Article",
    "url": "Link",
    # the lesson deck
    "exercise": "Fact, opinion or prediction?",
    "exercise_task": "Students label each statement fact, opinion or prediction and say why; for a fact, how could it be checked? Answers below, not on the slide.",
    "reveal": "The answers",
    "also_accept": "Also accept",
    "exit_ticket": "Exit ticket: new statements",
    "exit_task": "Each student labels these statements on paper before leaving. Answers below.",
    "map_not_shown": "Not on this map (see the claim-by-claim slides or the answer key)",
    "appendix": "Appendix: claim by claim",
    "in_full": "in full",
    "sources_in_notes": "Sources of the fact checks ({n}): listed in the speaker notes and in the answer key.",
}

_ZH = {
    "fact": "事实陈述",
    "opinion": "观点",
    "prediction": "预测",
    "fact_short": "事实",
    "stated": "仅为陈述，未经核实",
    "verified": "已核实",
    "disputed": "有争议",
    "misleading": "有误导性",
    "false": "不实",
    "status": "核实状态",
    "kind": "类型",
    "fact_test": "可以用证据证明真假的陈述，但不一定是真的。",
    "opinion_test": "判断或解读：可以论证支持，却无法证明。",
    "prediction_test": "关于未来的陈述：只能日后检验。",
    "about_source": "关于来源",
    "publisher": "发布者",
    "author": "作者",
    "published": "发布时间",
    "accessed": "访问日期",
    "perspective": "谁在发声",
    "thesis": "文章的核心主张",
    "objectives": "教学目标",
    "level": "适用年级",
    "minutes": "{n} 分钟",
    "badge_key": "标签说明",
    "strand": "论证线索",
    "claims": "论断",
    "speaker": "说话人",
    "the_author": "作者",
    "quote": "原文",
    "why": "标注理由",
    "check": "核查",
    "sources": "来源",
    "notes": "教师备注",
    "signals": "信号词",
    "argument_map": "论证图",
    "figures": "数据图表",
    "as_stated": "数据为文章所述，未经核实",
    "balance": "各论证线索中的事实、观点与预测",
    "quiz": "事实、观点还是预测？",
    "quiz_answer": "答案",
    "debate": "辩论",
    "motion": "辩题",
    "context": "背景",
    "pro": "正方",
    "con": "反方",
    "debate_questions": "反驳与质询",
    "discussion": "讨论题",
    "glossary": "术语表",
    "source_credits": "来源与致谢",
    "continued": "续",
    "page_of": "第 {page} 页，共 {pages} 页",
    "supports": "支持",
    "challenges": "质疑",
    "handout": "学生讲义",
    "answer_key": "参考答案",
    "teacher_only": "教师用",
    "worksheet": "练习：事实、观点还是预测？",
    "statement": "陈述",
    "your_label": "事实 / 观点 / 预测",
    "how_check": "如何核实？",
    "signal_exercise": "信号词",
    "debate_prep": "辩论准备",
    "your_arguments": "你的论据",
    "summary": "概要",
    "name_line": "姓名",
    "worksheet_task": "判断每条陈述是事实、观点还是预测，并写出可以如何核实。",
    "signal_task": "在每段原文中划出提示其类型的词语，并写出它们提示的是哪种类型。",
    "kind_signalled": "哪种类型？",
    "debate_task": "为双方各写下最有力的论据，并标明每条是事实、观点还是预测。",
    "number": "编号",
    "statement_no": "第 {n} 条陈述",
    "debate_cards": "辩论卡",
    "side": "持方",
    "overview": "教师总览",
    "from_article": "来自文章",
    "own_point": "教师补充",
    "counts": "事实 {fact} 条，观点 {opinion} 条，预测 {prediction} 条",
    "card_continued": "下一张卡片继续",
    "generated_by": "由 debatekit 生成",
    "debate_prompts": "辩论提示",
    "motion_number": "辩题 {n}",
    "based_on": "依据",
    "how_used": "本方如何使用",
    "quote_by": "{speaker}，文章原文",
    "kinds_key": "图例：事实、观点还是预测？",
    "status_key": "事实陈述还标明其核实状态：",
    "questions_for_other_side": "向对方提问",
    "card_of": "第 {card} 张，共 {cards} 张",
    "which_leans": "哪一方更依赖观点？",
    "total": "合计",
    "map_overview": "总览",
    "map_reference": "见另一张论证图",
    "figure_source": "来源：{source}；数字出自论断 {claims}。",
    "figure_all_stated": "数据为文章所述，未经核实。",
    "figure_statuses": "所引论断：{statuses}。",
    "balance_prompt": "“{strand}”最依赖观点和预测（{total} 条论断中有 {n} 条）。什么证据能让你信服？",
    "balance_prompt_facts": "每条论证线索都以事实陈述为主。你会先核实哪一条？怎么核实？",
    "balance_count": "论断数量",
    "source_line": "来源：{source}",
    "quiz_item": "第 {n} 题，共 {total} 题",
    "article": "文章",
    "url": "链接",
    "exercise": "事实、观点还是预测？",
    "exercise_task": "学生为每个陈述标注事实、观点或预测，并说明理由；若是事实，怎样核实？答案见下，不在幻灯片上。",
    "reveal": "答案揭晓",
    "also_accept": "也可接受",
    "exit_ticket": "离堂小测：新的陈述",
    "exit_task": "学生离开前在纸上为这些陈述标注类型。答案见下。",
    "map_not_shown": "本图未画出的论断（见逐条论断幻灯片或参考答案）",
    "appendix": "附录：逐条论断",
    "in_full": "完整版",
    "sources_in_notes": "事实核查的来源（{n} 个）：见演讲者备注和参考答案。",
}

_BUILTIN: dict[str, Mapping[str, str]] = {"en": MappingProxyType(_EN), "zh": MappingProxyType(_ZH)}
BUILTIN: Mapping[str, Mapping[str, str]] = MappingProxyType(_BUILTIN)   # a live, read-only view
KEYS = frozenset(_EN)


def add_language(lang: str, table: Mapping[str, str]) -> None:
    """Give debatekit its own words in ``lang`` (with the language's profile in
    ``debatekit.language``, all a new language needs). Every key must be there and every
    placeholder fillable; raises ValueError naming what is wrong."""
    missing = sorted(KEYS - set(table))
    unknown = sorted(set(table) - KEYS)
    problems = [f"{len(missing)} missing word(s): " + ", ".join(f"`{key}`" for key in missing[:5])
                + (", …" if len(missing) > 5 else "")] if missing else []
    problems += [f"unknown word `{key}`" for key in unknown]
    problems += [problem for key in sorted(KEYS & set(table)) if (problem := placeholder_problem(key, table[key]))]
    if problems:
        raise ValueError(f"words for `{lang}`: " + "; ".join(problems))
    _BUILTIN[lang] = MappingProxyType(dict(table))


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def placeholder_problem(key: str, value: str) -> str | None:
    """Why an outline's override of a word with placeholders ({n}, {page}) cannot be
    filled in, or None when it can."""
    allowed = _fields(_EN[key])
    if not allowed:
        return None
    try:
        used = _fields(value)
    except ValueError:
        return f"label `{key}` has an unpaired `{{` or `}}`; write `{{{{` or `}}}}` for a literal brace"
    unknown = sorted(used - allowed)
    if unknown:
        known = ", ".join(f"{{{name}}}" for name in sorted(allowed))
        return f"label `{key}` cannot fill `{{{unknown[0]}}}`; it may use {known}"
    return None


def labels_for(outline: Outline, lang: str) -> Mapping[str, str]:
    """The tool's words for one language, with the outline's overrides applied."""
    base = BUILTIN.get(lang) or BUILTIN.get(lang.split("-")[0]) or BUILTIN["en"]
    merged = dict(base)
    merged.update(outline.style.labels.get(lang, {}))
    return MappingProxyType(merged)


def has_builtin(lang: str) -> bool:
    return lang in BUILTIN or lang.split("-")[0] in BUILTIN
