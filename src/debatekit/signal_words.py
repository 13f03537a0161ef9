"""Words that typically mark a statement's kind, per language: one table for every rule
that guesses or questions a kind (lint warnings, scaffolding a new outline).

Chinese entries match as substrings, minus the listed compounds that merely contain
them (最后 "finally" is no superlative); other languages match whole words.
"""

from __future__ import annotations

import re
from types import MappingProxyType

from .language import profile

SIGNALS = MappingProxyType({
    "zh": MappingProxyType({
        "opinion": ("说明", "认为", "应该", "显然", "最", "清楚地", "本质上", "证明了",
                    "无法", "更重要的是", "很好", "成功", "真正", "意味着", "值得"),
        "prediction": ("将", "会", "预计", "未来", "计划", "准备", "展望", "即将", "有望", "预测"),
        "fact": ("年", "%", "万", "亿", "月", "数据显示", "超过", "同比"),
        # words that report speech: the reported-speech lint looks for them
        "speech": ("说", "表示", "宣布", "抱怨", "指出", "声称", "称", "强调", "透露"),
    }),
    "en": MappingProxyType({
        "opinion": ("shows that", "should", "clearly", "best", "obviously", "worst",
                    "proves", "important", "great", "successful", "truly", "means that",
                    # a writer's own voice and loaded words, common in opinion columns
                    "frankly", "I believe", "I think", "in my view", "biggest", "overblown", "must"),
        "prediction": ("will", "expect", "expects", "expected", "forecast", "plans", "plan to",
                       "going to", "predict", "predicts", "future", "likely", "next year"),
        "fact": ("percent", "%", "million", "billion", "according to", "in 19", "in 20"),
        "speech": ("said", "says", "say", "told", "stated", "announced", "complained",
                   "complains", "claimed", "claims", "declared", "insisted", "warned"),
    }),
})

# Compounds that contain a Chinese signal without carrying its meaning.
NOT_SIGNALS = MappingProxyType({
    "最": ("最后", "最终", "最近", "最初", "最早"),
    "会": ("国会", "社会", "机会", "会员", "协会", "委员会", "大会", "会议",
          "体会", "学会", "领会", "误会", "理会", "聚会", "晚会", "工会", "会长", "都会"),
    "将": ("将军", "将近"),
    "成功": (),
    "说": ("说明", "小说", "说法", "就是说", "来说"),
    "称": ("名称", "称为", "称作", "简称", "号称", "对称", "称号"),
})


def found(text: str, lang: str, kind: str) -> list[str]:
    """The signal words for ``kind`` that occur in ``text``, in table order."""
    table = SIGNALS.get(lang) or SIGNALS.get(lang.split("-")[0])
    if not table:
        return []
    hits = []
    for word in table.get(kind, ()):
        if _occurs(word, text, lang):
            hits.append(word)
    return hits


def _occurs(word: str, text: str, lang: str) -> bool:
    if not profile(lang).spaced:
        masked = text
        for compound in NOT_SIGNALS.get(word, ()):
            masked = masked.replace(compound, "\0" * len(compound))
        return word in masked
    if not word[0].isalnum():
        return word in text
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text, re.IGNORECASE) is not None
