"""What `debatekit new` suggests for a sentence: a kind, the words behind it, and who is
speaking.

The kind comes from the signal-word table (``signal_words``) by the first rule that
applies:

1. ``schedule``: a future (will, 将) about a dated, scheduled act (meets, votes, takes
   effect, 召开, 施行), or what a deal or law already decided (under the deal, 根据协议),
   states a fact about a schedule: a fact;
2. ``future``: a word about the future or a hedge (will, may, could, is expected to; 会,
   可能, 预计, 有望): a prediction;
3. ``opinion``: an opinion word, or evaluative language without the usual signal words
   (wrong, striking, disaster, forgotten; 偷走, 严重影响), quoted or not: an opinion
   (a quoted judgement is labelled by what is said);
4. ``number``: a number: a stated fact;
5. ``voice``: the writer's own first person outside a quotation (I, we; 我, 我们): an
   opinion column's own view;
6. ``fact-word``, ``plain``: a word of checkable things, or a name, a reported event or a
   completed act (said, opened; 发布, 已经): a stated fact;
7. ``abstract``: none of these, nothing to check it by: more likely a judgement, an opinion.

Every suggestion is only that; ``why`` says so, and the teacher decides.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import signal_words
from .language import has_cjk, profile

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*(?:\s?(?:%|万|亿|年|月|日|percent|million|billion|trillion))?", re.IGNORECASE)

_EN_FUTURE = r"\b(?:will|shall|is to|are to|(?:is|are) (?:scheduled|due|set) to)\b"
_EN_SCHEDULED_ACT = (r"(?:meet|vote|hold|convene|publish|release|review|take effect|come into force|enter service|"
                     r"open|reopen|close|rise|go up|increase|begin|start|end|expire|launch|sign|hear|decide|rule|"
                     r"announce|be held|take place|be published|debate|consider|visit|attend|testify|resume)\b")
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|"
          r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_EN_DAY = re.compile(rf"\b(?:{_MONTH}\s+\d{{1,2}}\b|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}|(?:on|from|this|next)\s+{_WEEKDAY}|"
                     r"next (?:week|month)|tomorrow|tonight|on \d|at \d{1,2}(?::\d\d)?\s?(?:a\.m\.|p\.m\.|am|pm))")
_EN_SCHEDULE = re.compile(rf"{_EN_FUTURE}(?:\s+\w+){{0,3}}?\s+{_EN_SCHEDULED_ACT}", re.IGNORECASE)
# A future already decided: what a signed deal, a law or an agreement says will happen.
_EN_DECIDED = re.compile(r"\bwill\b[^.]*\bunder (?:a|the|its|this) (?:deal|agreement|contract|law|plan|settlement)\b"
                         r"|\b(?:agreed|has agreed|have agreed|is required|are required) to\b", re.IGNORECASE)
_ZH_DECIDED = re.compile(r"根据(?:协议|合同|规定|条例|办法)|按照(?:协议|合同|规定)")
# The writer's own voice: first person outside a quotation.
_EN_FIRST_PERSON = re.compile(r"\b(?:I|me|my|we|our|us)\b")
_ZH_FIRST_PERSON = re.compile(r"我们|我")
_EN_PAST = re.compile(rf"\b(?:last (?:week|month|year|\w+day)|yesterday|ago|in \d{{4}}|{_MONTH}\s+\d)\b", re.IGNORECASE)
_ZH_PAST = re.compile(r"去年|上个?月|上周|昨天|前天|\d+年|\d+月")
_ZH_DAY = r"(?:\d+月\d+日|\d+日|下周|下个?月|本周|本月|明天|今晚|后天|周[一二三四五六日]|星期[一二三四五六日天]|月底|\d+月)"
_ZH_SCHEDULE = re.compile(
    rf"(?:将于|将在|定于|拟于|计划于|原计划于|将从|自|从){_ZH_DAY}?[^，。；]{{0,12}}?"
    r"(?:召开|举行|施行|实施|生效|通车|通行|恢复|开幕|闭幕|开工|动工|上线|审议|投票|评估|公布|发布|开通|启动|开始|结束|到期|出席|起)")
_ZH_DATED = re.compile(_ZH_DAY + "|原计划")
_COULD_NOT = re.compile(r"\b(?:could|might|may)(?:\s+not|n['’]t)\s+(?:afford|say|be reached|confirm|find|get|see|believe)", re.IGNORECASE)


# "would ... if": a conditional about what is to come
_CONDITIONAL = re.compile(r"\bwould\b(?=[^.]*\bif\b)|(?<=\bif\b)[^.]*\bwould\b", re.IGNORECASE)
# Calling something names it with a judgement; "too" + an adjective judges a degree.
_EN_JUDGING = re.compile(r"\b(?:call(?:s|ed)?|dubb(?:s|ed)|brand(?:s|ed))\s+(?:the|it|this|that|them|him|her)\b"
                         r"|\btoo\s+(?!much\b|many\b|late\b|soon\b)[a-z]{3,}\b(?!,)")


@dataclass(frozen=True)
class Suggestion:
    kind: str
    signals: tuple[str, ...]      # words of the sentence that suggested the kind
    rule: str                     # schedule | future | opinion | number | voice | fact-word | plain | abstract


def suggest(sentence: str, lang: str) -> Suggestion:
    """A kind for the sentence by the first rule that applies, and the words behind it."""
    spaced = profile(lang).spaced and not has_cjk(sentence)
    schedule = _schedule(sentence, spaced)
    if schedule:
        return Suggestion("fact", (schedule,), "schedule")
    future = _found(sentence, lang, "prediction") + _found(sentence, lang, "hedge")
    if spaced:
        future = [w for w in future if not _month_or_past(w, sentence)]
        conditional = _CONDITIONAL.search(sentence)
        if conditional:
            future.append(conditional.group(0))
    future = [w for w in future if w not in ("如果",) or len(future) > 1]
    if future:
        return Suggestion("prediction", tuple(dict.fromkeys(future)), "future")
    opinion = _found(sentence, lang, "opinion") + _found(sentence, lang, "evaluation")
    if spaced:
        opinion += [m.group(0) for m in _EN_JUDGING.finditer(sentence)]
    opinion = [w for w in opinion if not _record(w, sentence)]
    if opinion:
        return Suggestion("opinion", _shortest_first(opinion), "opinion")
    numbers = tuple(dict.fromkeys(m.group(0).strip() for m in _NUMBER.finditer(sentence)))
    if numbers:
        return Suggestion("fact", numbers[:4], "number")
    voice = _own_voice(sentence, spaced)
    if voice:
        return Suggestion("opinion", (voice,), "voice")
    words = _found(sentence, lang, "fact")
    if words:
        return Suggestion("fact", tuple(words), "fact-word")
    anchor = _anchor(sentence, spaced)
    if anchor is None:
        return Suggestion("opinion", (), "abstract")
    return Suggestion("fact", (), "plain")


_EN_EVENT = re.compile(r"\b\w{3,}ed\b|\b(?:went|came|took|made|said|told|gave|met|won|lost|rose|fell|began|sent|"
                       r"brought|paid|held|left|found|built|sold|bought|spent|say|says|show|shows|could not|"
                       r"can (?:sign|apply|buy|find|call|visit|register|book|download|read|watch|use))\b")
_ZH_ANCHOR = re.compile(r"[一二三四五六七八九十百千万亿两]+[个名家条年月日%成倍座辆所人]|已经|已|曾|"
                        r"发布|宣布|开通|举行|召开|表示|显示|规定|统计|报道|据|通过|批准|签署|成立|记录|以来|"
                        r"[了过][^，。！？]{0,12}[。！？]?$")


def _anchor(sentence: str, spaced: bool) -> str | None:
    """What makes a sentence without numbers checkable: a name, a reported event, a
    completed act. A sentence without one is more likely a judgement than a fact."""
    if spaced:
        outside = _outside_quotes(sentence)
        words = outside.split()
        for before, word in zip(words, words[1:]):
            if re.match(r"[A-Z][a-z]", word) and not before.endswith((".", "“", '"', ":")):
                return word
        event = _EN_EVENT.search(outside)
        return event.group(0) if event else None
    found = _ZH_ANCHOR.search(sentence)
    return found.group(0) if found else None


def _schedule(sentence: str, spaced: bool) -> str | None:
    """The words that make the sentence a dated, scheduled act, if it is one."""
    if spaced:
        act = _EN_SCHEDULE.search(sentence)
        if act and _EN_DAY.search(sentence):
            return act.group(0)
        decided = _EN_DECIDED.search(sentence)
        return decided.group(0) if decided else None
    decided = _ZH_DECIDED.search(sentence)
    if decided:
        return decided.group(0)
    act = _ZH_SCHEDULE.search(sentence)
    if act and (_ZH_DATED.search(act.group(0)) or "起" in act.group(0) and "施行" in sentence):
        return act.group(0)
    return None


def _own_voice(sentence: str, spaced: bool) -> str | None:
    """The writer's first person, outside any quotation: an op-ed's own view."""
    outside = _outside_quotes(sentence)
    if spaced and _EN_PAST.search(outside) or not spaced and _ZH_PAST.search(outside):
        return None  # "Last month our school allowed ...": the writer reports what happened
    found = (_EN_FIRST_PERSON if spaced else _ZH_FIRST_PERSON).search(outside)
    return found.group(0) if found and found.group(0) in sentence else None


def _outside_quotes(sentence: str) -> str:
    from .sentences import quoted_spans

    kept, start = [], 0
    for opening, closing in sorted(quoted_spans(sentence)):
        if opening >= start:
            kept.append(sentence[start:opening])
            start = closing + 1
    kept.append(sentence[start:])
    return " ".join(kept)


def _month_or_past(word: str, sentence: str) -> bool:
    """"May 5" is a month, and "could not afford" no hedge."""
    if word.lower() == "may" and not re.search(r"\bmay\b", sentence) and not re.match(r"May\s+[a-z]", sentence):
        return True
    return word.lower() in ("could", "might", "may") and bool(_COULD_NOT.search(sentence))


def _record(word: str, sentence: str) -> bool:
    """最高 in "the highest since records began" is a record, and 最高 before an amount a
    maximum, not a judgement."""
    if word != "最":
        return False
    records = re.search(r"最[高低大小多少长短早晚]", sentence) and re.search(r"以来|记录|历史", sentence)
    amount = re.search(r"最[高低多少][^，。]{0,8}\d", sentence)
    return bool(records or amount)


def _shortest_first(words: list[str]) -> tuple[str, ...]:
    """Distinct signal words, none contained in another already listed."""
    kept: list[str] = []
    for word in sorted(dict.fromkeys(words), key=len, reverse=True):
        if not any(word in other for other in kept):
            kept.append(word)
    return tuple(w for w in dict.fromkeys(words) if w in kept)


def _found(sentence: str, lang: str, kind: str) -> list[str]:
    return list(as_written(signal_words.found(sentence, lang, kind), sentence))


def as_written(words: list[str], sentence: str) -> tuple[str, ...]:
    """Each signal word as it is spelt in the sentence (the table matches English
    without regard to case; a claim's signals must occur in its quote as written)."""
    found = []
    for word in words:
        match = re.search(re.escape(word), sentence, re.IGNORECASE)
        if match:
            found.append(match.group(0))
    return tuple(dict.fromkeys(found))


# -- speakers -------------------------------------------------------------------------------

_EN_VERBS = (r"(?:said|says|told|added|argued|warned|wrote|explained|insisted|noted|recalled|complained|"
             r"called|calls|believes|thinks|fears|claimed|claims|announced|stated|asked)")
_NAME = r"(?:[A-Z][\w'’-]+\.?\s+){0,3}[A-Z][\w'’-]+"
# a name after "told" or "called" is who was told or what was called, never the speaker
_EN_INVERTED = _EN_VERBS.replace("told|", "").replace("called|calls|", "")
_EN_AFTER = re.compile(rf"\b{_EN_INVERTED}\s+(?:(?:the\s+)?[a-z]+\s+){{0,3}}(?P<name>{_NAME})")
_EN_BEFORE = re.compile(rf"(?P<name>{_NAME})(?:,[^,]{{3,80}},)?\s+{_EN_VERBS}\b")
_EN_ACCORDING = re.compile(rf"\baccording to (?P<name>{_NAME})")
_NOT_NAMES = frozenset("""A An The This That These Those He She It They We I You Its Their His Her Our Officials
Critics Supporters Advocates Parents Teachers Pupils Students Experts Analysts Forecasters Scientists Residents
Ministers Farmers Researchers Some Many Most Others Both But And Still However Yet Also Then Now Last In On At
For If When While After Before Since Because Although Honestly Frankly Still According Whether No Yes
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August
September October November December""".split())
_ZH_VERBS = "(?:回忆说|补充说|表示|指出|强调|认为|透露|坦言|直言|告诉|介绍|说|称|问道|写道|抱怨|批评|预测)"
_ZH_TITLES = ("局长", "主任", "教授", "负责人", "老师", "阿姨", "叔叔", "书记", "部长", "发言人", "总统", "市长",
              "主席", "经理", "总裁", "董事长", "院长", "校长", "专家", "研究员", "县长", "省长", "厅长", "记者",
              "律师", "医生", "议员", "首相", "总理", "大使", "创始人", "首席执行官", "CEO", "女士", "先生")
_ZH_CLAUSE = re.compile(rf"(?:^|[，。：；“”「」！？])(?P<who>[^，。：；“”「」！？]{{2,24}}?){_ZH_VERBS}")
_ZH_PRONOUNS = ("他", "她", "他们", "她们", "我", "我们", "有人", "也有", "对方", "一位", "有家长", "大家")


def speaker(sentence: str, lang: str, known: set[str] | None = None) -> str | None:
    """The named person the sentence quotes or reports, if it names one. ``known`` holds
    the names met so far in the article (a later "Reyes said" is the earlier "Tom Reyes");
    names found here are added to it."""
    known = known if known is not None else set()
    spaced = profile(lang).spaced and not has_cjk(sentence)
    return _english_speaker(sentence, known) if spaced else _chinese_speaker(sentence, known)


def _english_speaker(sentence: str, known: set[str]) -> str | None:
    for pattern in (_EN_AFTER, _EN_BEFORE, _EN_ACCORDING):
        for match in pattern.finditer(sentence):
            words = [w for w in match.group("name").split() if w.strip(".") not in _NOT_NAMES]
            while words and words[0].strip(".") in _NOT_NAMES:
                words.pop(0)
            if not words:
                continue
            name = " ".join(words)
            if len(words) >= 2 or name in known or any(name in k.split() for k in known):
                known.add(name)
                full = next((k for k in known if name in k.split() and len(k) > len(name)), None)
                return full or name
    return None


def _chinese_speaker(sentence: str, known: set[str]) -> str | None:
    for match in _ZH_CLAUSE.finditer(sentence):
        who = match.group("who").strip()
        who = re.split(r"在|对|向|也|还|则|曾|都|就|今天|昨天|日前|近日", who)[0] or who
        who = who.split("的")[-1]
        if not who or who.startswith(_ZH_PRONOUNS) or len(who) > 16:
            continue
        for title in _ZH_TITLES:
            if title in who:
                name = who.split(title)[-1]
                if 2 <= len(name) <= 3:
                    known.add(name)
                return who
        if who in known:
            return who
    return None
