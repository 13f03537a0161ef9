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
        # Judgements without the usual signal words, and hedged futures: only `new`'s
        # suggestions use these broader lists (the lint keeps to the words above).
        "evaluation": ("正确", "错误", "错了", "对了", "太", "偷走", "偷", "严重影响", "严重", "沉迷", "荒唐", "荒谬",
                       "可以理解", "辜负", "遗忘", "崇拜", "不错", "好事", "坏事", "公平", "吃不消", "泥潭", "盲目",
                       "损害", "危害", "正是时候", "诚信", "灾难", "短板", "感激", "早该", "不能只",
                       "不负责任", "令人", "动容", "必须", "一刀切", "不近人情", "只会", "才能", "担心", "担忧",
                       "批评", "指责", "称赞", "赞扬", "直言", "痛斥", "非常", "十分", "极其", "过于", "过度", "惊人",
                       "可怕", "糟糕", "优秀", "出色", "了不起", "失败", "失职", "罪魁祸首", "无疑", "毫无疑问",
                       "显而易见", "应当", "不应", "不该", "理应", "值得", "关键", "重要", "可惜", "遗憾", "幸运",
                       "可悲", "可笑", "可耻", "离谱", "愚蠢", "明智", "合理", "不合理", "有害", "有益", "好处",
                       "坏处", "代价", "浪费", "牺牲", "绑架", "收割", "霸凌", "滥用", "真相", "本质", "其实",
                       "睁一只眼闭一只眼", "头痛医头", "大好", "很好", "好的", "美好", "强大", "脆弱", "危险",
                       "不易", "白费", "微不足道", "踏实", "心酸", "难得", "可贵", "宝贵", "欣慰", "可喜", "堪忧",
                       "不容忽视", "迫在眉睫", "刻不容缓", "当务之急", "势在必行", "得不偿失", "事半功倍",
                       "本末倒置", "治标不治本", "形式主义", "走过场", "做给", "雷声大雨点小", "拍脑袋", "想当然",
                       "不切实际", "乏力", "倒退", "里程碑", "历史性", "深远", "空前", "说不过去", "站不住脚",
                       "有道理", "没道理", "理所当然", "天经地义", "过分", "离谱", "不如", "而是", "而已",
                       "难能可贵", "可圈可点", "令人鼓舞", "振奋", "痛心", "寒心", "心疼", "无奈", "尴尬", "讽刺",
                       "荒诞", "奇怪", "惊喜", "失望", "满意", "不满", "高兴", "开心", "难过", "愤怒",
                       "可惜了", "活该", "冤枉", "委屈", "应有", "自觉", "真是", "实在", "简直", "竟然", "居然",
                       "毕竟", "终究", "根本", "完全没有", "绝不", "绝对", "无论如何", "难道", "岂", "何必",
                       "我认为", "我们认为", "在我看来", "看来", "显得", "很", "忽视", "短视", "务实", "堪称", "称得上", "不得不"),
        "hedge": ("可能", "或将", "或许", "也许", "有望", "预计", "料将", "预期", "恐将", "势必", "必将", "将会",
                  "有可能", "估计", "预测", "前景", "趋势", "越来越", "恐怕", "如果"),
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
        "evaluation": ("wrong", "mistake", "mistakes", "striking", "disaster", "disastrous", "scandal", "scandalous",
                       "brilliant", "grateful", "heartbreaking", "overdue", "sensible", "worse", "better", "good",
                       "bad", "fair", "unfair", "gimmick", "failing", "failure", "forgotten", "deserves", "deserve",
                       "misreads", "worships", "drowning", "too late", "too much", "too many", "too expensive",
                       "cannot keep", "has no business", "turning point", "shameful", "shame", "absurd",
                       "ridiculous", "remarkable", "crucial", "vital", "essential", "terrible", "awful",
                       "excellent", "outstanding", "reckless", "dangerous", "harmful", "needless", "pointless",
                       "impressive", "alarming", "troubling", "worrying", "welcome", "encouraging", "unacceptable",
                       "misguided", "foolish", "wise", "smart", "stupid", "naive", "outrageous", "appalling",
                       "wonderful", "fantastic", "amazing", "tragic", "tragedy", "betrayal", "betrayed",
                       "honestly", "sadly", "unfortunately", "fortunately", "luckily", "surely", "of course",
                       "ought to", "need to", "needs to", "have to", "has to", "it is time", "it's time",
                       "waste", "wasted", "wasteful", "burden", "threat", "victory", "win for", "loss for",
                       "scapegoat", "hypocrisy", "hypocritical", "irresponsible", "responsible for the mess",
                       "nonsense", "blame", "praise", "praised", "criticised", "criticized", "condemned",
                       "long overdue", "shiny", "swallow", "worthless", "worth it", "nothing more than",
                       "merely", "fails", "failed to", "magnificent", "poor", "short-sighted", "timid",
                       "brave", "courageous", "cowardly", "generous", "harsh", "lazy", "careless", "heroic",
                       "incompetent", "ineffective", "inspiring", "perfect", "pragmatic", "reasonable",
                       "unreasonable", "silly", "sloppy", "weak", "useless", "valuable", "worthy", "admirable",
                       "deplorable", "disgraceful", "embarrassing", "excessive", "grim", "hopeless", "ideal",
                       "inadequate", "insufficient", "laughable", "meaningless", "painful", "pathetic",
                       "promising", "questionable", "sad", "shocking", "splendid", "superb", "unjust", "unwise",
                       "half-measures", "far too", "easiest", "hardest", "no choice", "priorities",
                       "sobering", "unthinkable", "surprising", "surprised", "sceptical", "skeptical", "losing battle",
                       "matters", "the real question", "the point is", "the key", "the problem is", "the truth is",
                       "the lesson", "in fact", "indeed", "clear that", "obvious", "plainly", "sadly", "rightly",
                       "wrongly", "unfortunately", "astonishing", "extraordinary", "disappointing", "disappointed",
                       "delighted", "proud", "ashamed", "angry", "outraged", "furious", "frustrating", "frustrated",
                       "annoying", "refreshing", "dull", "boring", "exciting", "thrilling", "beautiful", "ugly",
                       "elegant", "clumsy", "crude", "cynical", "dishonest", "honest", "fairer", "cruel", "kind",
                       "generosity", "greed", "greedy", "arrogant", "arrogance", "humble", "bold", "boldly",
                       "decent", "shabby", "dismal", "bleak", "hopeful", "optimistic", "pessimistic", "naively",
                       "deeply", "profoundly", "hugely", "enormously", "vastly", "badly", "sorely", "desperately",
                       "myth", "nonsense", "folly", "lunacy", "madness", "triumph", "fiasco", "farce", "travesty",
                       "giveaway", "boondoggle", "bargain", "rip-off", "overpriced", "underfunded", "neglected",
                       "ignored", "overlooked", "misunderstood", "overrated", "underrated", "deserved", "undeserved",
                       "owe", "better than", "worse than", "no longer", "pretend", "pretends", "poorly",
                       "acceptable", "does nothing", "do nothing", "nothing for", "unsafe", "not safe", "rightly",
                       "wisely", "foolishly", "shamefully", "sensibly", "fairly", "unfairly", "well-meaning",
                       "well-intentioned", "misguided", "heavy-handed", "overreach", "overreaction", "knee-jerk"),
        "hedge": ("may", "might", "could", "is expected to", "are expected to", "is likely to",
                  "are likely to", "likely", "unlikely", "probably", "possibly", "perhaps", "fears",
                  "is set to", "are set to", "is poised to", "forecasters", "projected", "outlook",
                  "hope to", "hopes to", "aim to", "aims to", "intend to", "intends to", "predicted",
                  "forecasts", "forecasted", "expecting", "anticipate", "anticipates", "anticipated",
                  "will probably", "almost certainly"),
    }),
})

# Compounds that contain a Chinese signal without carrying its meaning.
NOT_SIGNALS = MappingProxyType({
    "最": ("最后", "最终", "最近", "最初", "最早"),
    "会": ("国会", "社会", "机会", "会员", "协会", "委员会", "大会", "会议", "听证会", "峰会", "博览会", "展会", "会上",
          "体会", "学会", "领会", "误会", "理会", "聚会", "晚会", "工会", "会长", "都会"),
    "将": ("将军", "将近"),
    "成功": (),
    "很": ("很多", "很少", "很久", "很快"),
    "说": ("说明", "小说", "说法", "就是说", "来说"),
    "称": ("名称", "称为", "称作", "简称", "号称", "对称", "称号"),
    # a number of minutes or a fraction (四十分钟, 十分之一), not "very"
    "十分": ("十分钟", "十分之", *(numeral + "十分" for numeral in "一二三四五六七八九两几")),
    # a result measured against a forecast made earlier: the comparison is the fact
    "预测": ("比预测", "高于预测", "低于预测", "超出预测"),
    "预期": ("超预期", "超出预期", "高于预期", "低于预期", "好于预期", "不及预期", "符合预期", "比预期"),
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
