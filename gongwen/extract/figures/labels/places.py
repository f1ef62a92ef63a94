"""Places a text names: the townships and streets it counts in (九陂镇, 城关街道), the administrative
level a figure counts at (省级, 区级以上, 区本级) and the word for the whole jurisdiction its issuer
speaks for (全县, 全区, 全镇 …)."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

import regex

from ...._data import package_yaml, rx
from ..words.vocab import _bureau_words

if TYPE_CHECKING:
    from ....model import Document
    from ..words.vocab import Vocab

# A township or street named in the text (九陂镇, 城关街道): a scope; not 城镇/乡镇/各镇, nor
# 我镇/本镇 inside a phrase (汛期我镇…).
_PLACE = regex.compile(r"(?<![各全本我该每在])[\p{Han}--[各每全本我该在对到放组织的了和与向从为至及等个新建有下]]"
                       r"[\p{Han}--[城乡市县区各每全本我该此到放织的了和与向从为至及]](?:镇|街道)(?![长政干村民区])", regex.V1)


def _places(text: str) -> list[regex.Match[str]]:
    """``_PLACE.finditer(text)``, tried only where a match can start: two characters before each
    镇 or 街道 (a Han class with exclusions tried at every position costs half a millisecond
    per page; the matches are the same, leftmost and non-overlapping)."""
    starts: list[int] = []
    for word in ("镇", "街道"):
        i = text.find(word, 2)
        while i >= 0:
            starts.append(i - 2)
            i = text.find(word, i + 1)
    starts.sort()
    out: list[regex.Match[str]] = []
    end = 0
    for s in starts:
        if s >= end:
            m = _PLACE.match(text, s)
            if m is not None and not _quoted(text, m.start(), m.end()) and m.group()[:2] not in _not_place_names():
                end = m.end()
                out.append(m)
    return out


@lru_cache(maxsize=1)
def _not_place_names() -> frozenset[str]:
    """Verbs that stand before a level word 镇/街道 and name no place (落实镇领导…, ``data/places.yaml``)."""
    return frozenset(package_yaml("gongwen.extract", "data/places.yaml")["not_names"])


@lru_cache(maxsize=1)
def _levels() -> tuple[regex.Pattern[str], frozenset[str]]:
    """The level words (省级, 区级以上, 区本级) and what they must not follow (``data/places.yaml``)."""
    data = package_yaml("gongwen.extract", "data/places.yaml")
    levels = "|".join(sorted(map(str, data["levels"]), key=len, reverse=True))
    own = "|".join(sorted(map(str, data["own_levels"]), key=len, reverse=True))
    return regex.compile(f"(?:{levels})级(?:及?以上)?|(?:{own})本级"), frozenset(map(str, data["level_not_after"]))


_LEVEL_CHARS = frozenset("省市县区乡镇村")


def is_level(words: str) -> bool:
    """Whether ``words`` are an administrative level and nothing else (省级, 县级以上, 区本级).

    >>> is_level("县级以上"), is_level("县级以上烈士纪念设施"), is_level("法定")
    (True, False, False)
    """
    return _levels()[0].fullmatch(words) is not None
# (data/places.yaml level_money: the source of money a level's budget gives, written after the level)
_LEVEL_MONEY = regex.compile("|".join(sorted(map(str, package_yaml("gongwen.extract", "data/places.yaml")["level_money"]),
                                               key=len, reverse=True)))


def level_money(text: str, end: int) -> int:
    """Where the source of money written right after a level ending at ``end`` ends (省级|资金, 区级|配套资金,
    县级|财政), else ``end``: the scope is the level's money as written.

    >>> level_money("其中区级配套资金2480万元", 4), level_money("其中市级补助4200万元", 4)
    (8, 4)
    """
    m = _LEVEL_MONEY.match(text, end)
    return m.end() if m else end


def counted_level(text: str, a: int, b: int) -> str | None:
    """The administrative level that qualifies what the figure at ``b`` counts, written in its
    clause [a, b): "新认定省级农业产业化龙头企业7家" → 省级, "使用区本级公益金1720万元" → 区本级; none
    after a preposition, a joint level or a copula (向市级以上运动队输送运动员, 国家和省级集采药品,
    县、乡、村级河湖长, 被评为省级示范站), nor when a 的 between makes the level another noun's
    (省级组织的药品采购), nor before a standard per head (县级基础养老金由每人每月…).

    >>> counted_level("全年举办区级以上全民健身赛事活动46场", 0, 17)
    '区级以上'
    >>> counted_level("全年向市级以上专业运动队输送运动员17名", 0, 18) is None
    True
    """
    pattern, not_after = _levels()
    last = None
    for m in pattern.finditer(text, a, b):
        last = m
    if last is None or "的" in text[last.end():b] or "每" in text[last.end():b]:
        return None  # (每: a standard per head, 县级城乡居民基础养老金由每人每月…, is of the whole)
    before = text[max(0, last.start() - 2):last.start()]
    if before[-1:] in not_after and (last.start() > a or before[:1] in _LEVEL_CHARS):
        return None  # (县、乡、村级河湖长: the last of a list of levels)
    return text[last.start():level_money(text, last.end())]


@lru_cache(maxsize=1)
def _alternative_level() -> regex.Pattern[str]:
    """A level written with its alternative in parentheses, as one level (``data/places.yaml`` levels):
    村（社区）, 乡镇(街道), 镇（乡）, 县（市、区）级, 乡镇（街道）及以下."""
    words = "|".join(sorted(map(str, package_yaml("gongwen.extract", "data/places.yaml")["levels"]), key=len, reverse=True))
    return regex.compile(rf"(?:{words})[（(](?:(?:{words}|居)、?)+[）)](?:级)?(?:及?以[上下])?")


# what, right after a level, makes it no qualifier of a noun: a copula, a particle, an adverb
# (以乡镇（街道）为单位, 14个县（市）均组建…)
_NOT_A_NOUN = frozenset("被为是的在将把对向并已均都全")


def alternative_level(text: str, a: int, b: int, end: int) -> str | None:
    """The level written with its alternative in parentheses that what the figure at [b, end)
    counts is at: qualifying the noun counted in its clause [a, b) ("乡镇(街道)退役军人服务站14个",
    "县（市、区）级赛事264场次") or right after its count ("建成146个村（社区）服务站"); the
    parentheses are part of the level's name (the level and the one that stands for it where there
    is none: a 街道 where there is no 乡镇).  A level that is itself what is counted (全县14个乡镇（街道）,
    省级民主法治示范村(社区)6个), that a preposition governs (以乡镇（街道）为单位) or that acts (镇（街道）
    须在24小时内完成审批) qualifies nothing counted.

    >>> alternative_level("全县建成村（社区）退役军人服务站236个", 0, 16, 19)
    '村（社区）'
    >>> alternative_level("全县共建成146个村(社区)服务站", 0, 5, 9)
    '村(社区)'
    >>> alternative_level("全县14个乡镇（街道）全部建成", 0, 2, 5), alternative_level("新创建示范村(社区)6个", 0, 9, 11)
    (None, None)
    """
    pattern = _alternative_level()
    _, not_after = _levels()

    def qualifies(m: regex.Match[str]) -> bool:
        after, before = text[m.end():m.end() + 1], text[max(0, m.start() - 2):m.start()]
        # (a 、 ends the item before, unless that item is a level too: 乡镇、村(社区)灾害信息员)
        listed = before[-1:] == "、" and before[:1] not in _LEVEL_CHARS
        return bool(regex.match(r"\p{Han}", after)) and after not in _NOT_A_NOUN \
            and (before[-1:] not in not_after or listed)

    found = [m for m in pattern.finditer(text, a, b) if qualifies(m)]
    m = found[-1] if found else pattern.match(text, end)
    if m is None or not qualifies(m):
        return None
    return ("各" if text[m.start() - 1:m.start()] == "各" else "") + m.group()


def _quoted(text: str, a: int, b: int) -> bool:
    """Whether [a, b) stands inside a short quotation (a slogan: “产业强镇、平安稳镇”)."""
    left = max(text.rfind("“", max(0, a - 24), a), text.rfind('"', max(0, a - 24), a))
    if left < 0 or "”" in text[left:a] or "\n" in text[left:a]:
        return False
    right = text.find("”", b, b + 24)
    right = right if right >= 0 else text.find('"', b, b + 24)
    return right >= 0 and "\n" not in text[b:right]


def _first_bureau_word(issuer: str) -> int:
    """Where the first bureau word (the vocabularies' issuer words) stands in ``issuer``, else its length."""
    return min((issuer.find(w) for w in _bureau_words() if w in issuer), default=len(issuer))


# (data/places.yaml not_levels: after a level character, what makes it open a word naming no level)
_NOT_LEVELS = [str(w) for w in package_yaml("gongwen.extract", "data/places.yaml")["not_levels"]]
_NOT_LEVEL = "(?!" + "|".join(f"(?<={w[0]}){regex.escape(w[1:])}" for w in _NOT_LEVELS) + ")"
_LEVEL_TAIL = "(?:" + "|".join(map(regex.escape, _NOT_LEVELS)) + r"|[^省市县区州旗盟镇乡]){0,20}$"


def _place_after_opening_word(issuer: str, cut: int) -> regex.Match[str] | None:
    """The level of the place named right after a body's name that opens the issuer, up to the
    next bureau word (政协|青禾县|委员会, 中国人民政治协商会议|青禾市|委员会): the body names itself
    first, its place after.

    >>> _place_after_opening_word("政协青禾县委员会", 0).group(1)
    '县'
    """
    if cut or not issuer:
        return None
    opening = next((w for w in _bureau_words() if issuer.startswith(w)), "")
    rest = issuer[len(opening):]
    return rx(r"(街道|[省市县区州旗盟镇乡])" + _NOT_LEVEL + _LEVEL_TAIL).search(rest[:_first_bureau_word(rest)]) \
        if opening else None


_PLACES_YAML = package_yaml("gongwen.extract", "data/places.yaml")
_OWN = _PLACES_YAML["own_body"]
_OWN_HEADS = sorted(map(str, _OWN["heads"]), key=len, reverse=True)
# the words by which the issuing body speaks of itself (data/places.yaml own_body): 我局, 全院, 本处 …
OWN_BODY = regex.compile("(?:" + "|".join(map(str, _OWN["prefixes"])) + ")(?:" + "|".join(_OWN_HEADS) + ")"
                         "(?!" + "|".join(map(str, _OWN["not_before"])) + ")")
_WHOLE_PREFIX = str(_OWN["whole_prefix"])
_NOT_WHOLE = frozenset(map(str, _OWN["not_whole"]))
_SHORT_NAMES = {str(k): str(v) for k, v in _PLACES_YAML["short_names"].items()}
# the places a body's name opens on (柘源县|荷塘镇|卫生院, 鹤源区|公证处): a proper name of two or three
# characters and its level, for a body whose name holds no bureau word of the vocabularies
_NAME_PLACE = regex.compile(r"\p{Han}{2,3}?(?:街道|[省市县区州旗盟镇乡])")


def _issuer_body(issuer: str) -> tuple[str, str]:
    """The place an issuer's name opens on and the body after it: cut at the first bureau word, or,
    for a body new to the vocabularies (公证处, 中心血站, 卫生院), after the places its name opens on.

    >>> _issuer_body("鹤源区公证处"), _issuer_body("柘源县荷塘镇卫生院")
    (('鹤源区', '公证处'), ('柘源县荷塘镇', '卫生院'))
    """
    cut = _first_bureau_word(issuer)
    if cut == len(issuer):
        cut = 0
        while (m := _NAME_PLACE.match(issuer, cut)) is not None and m.end() < len(issuer):
            cut = m.end()
    return issuer[:cut], issuer[cut:]


def own_body(issuer: str, word: str) -> str:
    """The issuing body a self-reference (``word``: 我局, 全院, 本处) names, as its issuer names it at its
    level: the last administrative level of the place before the body's own name and that name (a
    township's body with its township's name), when the name ends on the word's head (办 of 办公室
    too), in the short name of an office (人民政府 → 政府); "" when the issuer names no such body.

    >>> own_body("枫台县审计局", "全局"), own_body("青禾市临川区统计局", "我局"), own_body("某县卫生院", "我局")
    ('县审计局', '区统计局', '')
    >>> own_body("越栖县人民政府办公室", "全办"), own_body("柘源县荷塘镇卫生院", "我院")
    ('县政府办公室', '荷塘镇卫生院')
    """
    place, body = _issuer_body(issuer)
    head = next((h for h in _OWN_HEADS if word.endswith(h)), word[-1:])
    if not body or not place or head not in body[-3:] or body.startswith(("街道", "镇", "乡")):
        return ""  # (a township's office, 翠湖|街道办事处, is named by its township: no level to give it)
    for long, short in _SHORT_NAMES.items():
        body = body.replace(long, short)
    places = list(_NAME_PLACE.finditer(place))
    if places and places[-1].end() == len(place) and places[-1].group().endswith(("街道", "镇", "乡")):
        return places[-1].group() + body
    level = rx(r"[省市县区](?=[^省市县区]*$)").search(place)
    return level.group() + body if level else ""


def jurisdiction(doc: Document, vocab: Vocab) -> str:
    """The scope of a figure of all the issuer reports on: the whole jurisdiction (全县 for a 县 bureau,
    全区, 全市 …), or the body's own whole its file names (``whole``: a court's 全院, a 供销合作社's 全系统,
    a 国资委's 县属国有企业 — its figures are its caseload, system or enterprises', not the county's), or,
    for a body no file names so, the whole its own text names more often than the jurisdiction's
    (:func:`spoken_whole`: a 福利院 writing 全院)."""
    if not vocab.whole:
        place = _place_whole(doc, vocab)
        # (a page that signs with no issuer names its body in its title, before the year: 青禾市广播电视台2026年…)
        name = doc.metadata.issuer or rx(r"^[^\d\s]*").match(doc.metadata.title or "").group()  # type: ignore[union-attr]
        return spoken_whole(doc.text, name, place) or place
    if "{level}" not in vocab.whole:
        return vocab.whole
    return vocab.whole.replace("{level}", _place_whole(doc, vocab).removeprefix("全"))


def spoken_whole(text: str, issuer: str, place: str) -> str:
    """The whole of the issuing body as its own text names it (全院 of a 社会福利院, 全台 of a 广播电视台:
    places.yaml own_body ``whole_prefix`` and a head the issuer's name ends on), when the text names it
    more often than the jurisdiction's whole ``place``: a body that speaks of itself reports on itself; ""
    else.

    >>> spoken_whole("全院现有职工52人。全院床位310张。", "荇洲区社会福利院", "全区")
    '全院'
    >>> spoken_whole("全院现有职工52人。全区养老床位3100张，全区老年人4.2万人。", "荇洲区社会福利院", "全区")
    ''
    """
    counts: dict[str, int] = {}
    for m in OWN_BODY.finditer(text):
        w = m.group()
        if w.startswith(_WHOLE_PREFIX) and w[len(_WHOLE_PREFIX):] not in _NOT_WHOLE and own_body(issuer, w):
            counts[w] = counts.get(w, 0) + 1
    best = max(counts, key=lambda w: counts[w], default="")
    return best if best and counts[best] > text.count(place) else ""


def _place_whole(doc: Document, vocab: Vocab) -> str:
    """The word for the whole jurisdiction of :func:`jurisdiction`."""
    issuer = doc.metadata.issuer or doc.metadata.title or ""
    # the place comes before the bureau's own name, which may hold 城乡 or 市场: cut at the
    # first bureau word (the vocabularies' issuer words), then take the last administrative level
    cut = _first_bureau_word(issuer)
    # (an issuer inside a government names that government first: 青溪区人民政府|桃源街道办事处 is the
    # 街道's; the unit named after the government is the issuer)
    gov = rx(r"(?:人民)?政府").match(issuer, cut)
    if gov is not None and _first_bureau_word(issuer[gov.end():]) < len(issuer) - gov.end():
        issuer = issuer[gov.end():]
        cut = _first_bureau_word(issuer)
    # (the bureau word may itself open on the level: 枫林|街道办事处, 石桥|镇人民政府; a word that opens on a
    # level character and names no level is no level: 桐溪县|乡村振兴局, data/places.yaml not_levels)
    m = rx(r"(街道|[镇乡])" + _NOT_LEVEL).match(issuer, cut) \
        or rx(r"(街道|[省市县区州旗盟镇乡])" + _NOT_LEVEL + _LEVEL_TAIL).search(issuer[:cut]) \
        or _place_after_opening_word(issuer, cut)
    if m:
        return "全" + m.group(1)
    counts = {w: doc.text.count(w) for w in vocab.jurisdiction if w.startswith("全")}
    best = max(counts, key=lambda w: counts[w], default="全市")
    return best if counts.get(best) else (vocab.jurisdiction[0] if vocab.jurisdiction else "全市")
