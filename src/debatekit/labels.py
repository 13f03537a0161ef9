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
    # the student handout as lesson material
    "article_task": "Read the article. Its paragraphs are numbered: the worksheet and the maps refer to them.",
    "article_original": "Original",
    "paragraph_ref": "paragraph {n}",
    "paragraph_refs": "paragraphs {n}",
    "your_answer": "Your answer",
    "why_short": "Why? Which words tell you?",
    "check_short": "If it is a fact: how could you check it?",
    "worksheet_intro": "Tick one box for each statement, then say why. The words of the article often tell you: look at the paragraph named under the statement.",
    "extension": "Extension (optional): the article's other statements",
    "extension_task": "For more practice, at home or when you finish early: tick one box for each statement.",
    "blank_maps": "Argument maps to fill in (optional)",
    "blank_map_task": "Each box is a statement of the article. Write F (fact), O (opinion) or P (prediction) in its empty box. An arrow points from a statement to the one it supports or challenges.",
    "blank_map_key": "write F, O or P in the empty box",
    "contents": "In this handout",
    "part_lesson": "In the lesson",
    "part_extension": "Optional, after the lesson",
    "pages": "pages {first}–{last}",
    "page": "page {first}",
    "debate_side_task": "Your side (circle one):",
    # the answer key: lesson plan and answers
    "lesson_plan": "Lesson plan",
    "plan_rule": "{minutes} minutes in all. Each phase keeps its share of a 90-minute lesson, rounded to whole minutes.",
    "phase": "Phase",
    "plan_minutes": "Min.",
    "plan_slides": "Slides",
    "plan_handout": "Handout",
    "plan_do": "What happens",
    "plan_total": "Total",
    "plan_cards_after": "Hand out the debate cards now, after the reveal: they show each point's kind.",
    "phase_opening": "Opening",
    "phase_reading": "Reading the article",
    "phase_exercise": "Classifying",
    "phase_reveal": "The reveal",
    "phase_argument": "Following the argument",
    "phase_debate": "Debates",
    "phase_discussion": "Discussion",
    "phase_exit": "Exit ticket",
    "do_opening": "Say where the article comes from and who is behind it; read the objectives.",
    "do_reading": "Students read the article; they may look words up in the glossary.",
    "do_exercise": "Explain the three kinds with the badge key; students tick each worksheet statement and write why. No labels shown yet.",
    "do_reveal": "Show each answer with its reason; discuss accepted alternatives (below) and how a fact would be checked.",
    "do_argument": "Walk through each strand's map, the figures and the balance of facts, opinions and predictions.",
    "do_debate": "Groups prepare one motion on the preparation sheet, with the cards; then debate.",
    "do_discussion": "Discuss the questions together or in pairs.",
    "do_exit": "Each student labels one new statement and gives a reason; collect the worksheets.",
    "deck_title": "title",
    "deck_source": "source",
    "deck_objectives": "objectives",
    "deck_badge_key": "badge key",
    "deck_exercise": "exercise (no labels)",
    "deck_reveal": "reveal",
    "deck_strands": "strand maps",
    "deck_figures": "figures",
    "deck_balance": "balance",
    "deck_debates": "debates",
    "deck_questions": "questions",
    "deck_exit_ticket": "exit ticket",
    "deck_glossary": "glossary",
    "deck_sources": "sources",
    "handout_cover": "cover",
    "answers": "Worksheet answers",
    "extension_answers": "Extension answers",
    "accepted": "Also accept",
    "in_paragraph": "Paragraph",
    "map_ref": "#{n} on the maps",
}

_ZH = {
    "fact": "陈述事实",
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
    "status_key": "陈述事实还标明其核实状态：",
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
    "balance_prompt_facts": "每条论证线索都以陈述事实为主。你会先核实哪一条？怎么核实？",
    "balance_count": "论断数量",
    "source_line": "来源：{source}",
    "quiz_item": "第 {n} 题，共 {total} 题",
    "article": "文章",
    "url": "链接",
    "article_task": "阅读文章。各段已编号，练习和论证图都按段号引用。",
    "article_original": "原文",
    "paragraph_ref": "第 {n} 段",
    "paragraph_refs": "第 {n} 段",
    "your_answer": "你的判断",
    "why_short": "理由？哪些词语提示了你？",
    "check_short": "如果是事实：可以怎样核实？",
    "worksheet_intro": "每条陈述勾选一项，再写出理由。文章的用词常常是线索：请看陈述下方注明的段落。",
    "extension": "拓展练习（选做）：文章中的其他陈述",
    "extension_task": "课后或提前完成时继续练习：每条陈述勾选一项。",
    "blank_maps": "待填写的论证图（选做）",
    "blank_map_task": "每个方框是文章中的一条陈述。在空框里写上 F（事实）、O（观点）或 P（预测）。箭头从一条陈述指向它所支持或质疑的陈述。",
    "blank_map_key": "在空框里写 F、O 或 P",
    "contents": "本讲义内容",
    "part_lesson": "课堂使用",
    "part_extension": "课后选做",
    "pages": "第 {first}–{last} 页",
    "page": "第 {first} 页",
    "debate_side_task": "你的持方（圈出一项）：",
    "lesson_plan": "教学流程",
    "plan_rule": "共 {minutes} 分钟。各环节按 90 分钟课时中的比例分配，取整到分钟。",
    "phase": "环节",
    "plan_minutes": "分钟",
    "plan_slides": "幻灯片",
    "plan_handout": "讲义",
    "plan_do": "活动",
    "plan_total": "合计",
    "plan_cards_after": "揭晓答案之后再发辩论卡：卡片上标有每条论点的类型。",
    "phase_opening": "导入",
    "phase_reading": "阅读文章",
    "phase_exercise": "分类练习",
    "phase_reveal": "揭晓答案",
    "phase_argument": "梳理论证",
    "phase_debate": "辩论",
    "phase_discussion": "讨论",
    "phase_exit": "课堂小测",
    "do_opening": "介绍文章出处和发声者，宣读教学目标。",
    "do_reading": "学生阅读文章，可查阅术语表。",
    "do_exercise": "用标签说明讲解三种类型；学生为练习中的每条陈述勾选并写出理由。此时不展示答案。",
    "do_reveal": "逐条展示答案和理由；讨论可接受的其他答案（见下文）以及如何核实事实。",
    "do_argument": "逐条讲解各论证线索的论证图、数据图表，以及事实、观点与预测的分布。",
    "do_debate": "各组用辩论准备页和辩论卡准备一个辩题，然后辩论。",
    "do_discussion": "全班或两人一组讨论问题。",
    "do_exit": "每位学生为一条新陈述分类并说明理由；收回练习。",
    "deck_title": "标题",
    "deck_source": "来源",
    "deck_objectives": "教学目标",
    "deck_badge_key": "标签说明",
    "deck_exercise": "练习（不显示答案）",
    "deck_reveal": "揭晓答案",
    "deck_strands": "各线索论证图",
    "deck_figures": "数据图表",
    "deck_balance": "分布图",
    "deck_debates": "辩论",
    "deck_questions": "讨论题",
    "deck_exit_ticket": "课堂小测",
    "deck_glossary": "术语表",
    "deck_sources": "来源",
    "handout_cover": "封面",
    "answers": "练习答案",
    "extension_answers": "拓展练习答案",
    "accepted": "也可接受",
    "in_paragraph": "段落",
    "map_ref": "论证图中的 #{n}",
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
