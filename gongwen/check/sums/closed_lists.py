"""Whether a list of parts closes its whole: categories that exhaust it or one named as what the
other is not, the rest named last (其他, 其余), the whole's own words naming every part, how many
kinds or which levels it counts, a sum within a sliver of the whole; and a list cut two ways,
whose items may overlap (:mod:`.subsets`, :mod:`.brackets`)."""

from __future__ import annotations

import re
from decimal import Decimal

from ...figure import Figure
from ..evaluation.intervals import longest_first, vocab
from ..reading.textindex import SPACES, TextIndex, find_all


def _nearly(whole: Figure, parts: list[Figure]) -> bool:
    """Parts that reach within ``closed_list_gap`` (a share) of their whole, on either side: a list
    so close names all of it.

    >>> from decimal import Decimal as D
    >>> _nearly(Figure(D(1000), "人"), [Figure(D(600), "人"), Figure(D(395), "人")])
    True
    >>> _nearly(Figure(D(112), "所"), [Figure(D(47), "所"), Figure(D(27), "所"), Figure(D(11), "所")])
    False
    """
    gap = abs(whole.value - sum((p.value for p in parts), Decimal(0)))
    return gap <= abs(whole.value) * Decimal(str(vocab()["closed_list_gap"]))


def _cut_two_ways(labels: list[str]) -> bool:
    """A 其中 list whose items are named two ways — some by a kind (持证社工 40 人), some by a
    property their members have, a clause ending in 的 (具有本科以上学历的 25 人), or by the means they
    came through (通过网上预约办理 1200 人次: vocab ``means_words``): the two cut the whole across each
    other, so the items may overlap and only each is within the whole.

    >>> _cut_two_ways(["其中持证社工", "具有本科以上学历的"]), _cut_two_ways(["其中城镇", "农村"])
    (True, False)
    >>> _cut_two_ways(["其中通过网上预约办理", "为企业办理登记"])
    True

    A band of a measure the members have (35 周岁以下青年人才 beside 采编人员) is such a property too,
    unless every item is a band (60 岁以上 …、60 岁以下 …: one cut).

    >>> _cut_two_ways(["其中编辑记者", "35周岁以下青年人才"]), _cut_two_ways(["其中60岁以上", "60岁以下"])
    (True, False)
    >>> _cut_two_ways(["其中5A级景区", "3A级及以下景区"])
    False
    """
    means = tuple(vocab()["means_words"])
    owned = [lab.endswith("的") or lab.removeprefix("其中").lstrip("，,：:").startswith(means) for lab in labels]
    bands = [_BAND.search(lab) for lab in labels]
    kinds = "".join(lab for lab, b in zip(labels, bands) if b is None)
    owned = [o or b is not None and b.group(1) not in kinds for o, b in zip(owned, bands)]
    return len(labels) >= 2 and any(owned) and not all(owned)


# a band of a measure the members have, written with its bound (35 周岁以下, 60 岁及以上, 5 年以内);
# the measure's word (周岁) named by no other item: a band of a measure the others are not cut by
# (3A 级及以下 beside 4A 级 is one more grade)
_BAND = re.compile(r"\d+([^\d，,、；;]{1,3}?)(?:及以上|以上|及以下|以下|以内)")


def complementary(labels: list[str]) -> bool:
    """Two parts, one named as what the other is not (住房消费类提取 a；…等非住房消费类提取 b): together
    they are the whole.

    >>> complementary(["住房消费类提取", "死亡等非住房消费类提取"]), complementary(["城区学校", "非寄宿制学校"])
    (True, False)
    """
    if len(labels) != 2:
        return False
    names = [lab.strip(SPACES).removeprefix("其中").strip(SPACES + "，,：:") for lab in labels]
    return any(len(x) >= 3 and "非" not in x and "非" + x in y for x, y in (names, names[::-1]))


def names_rest(idx: TextIndex, parts: list[Figure], listed: list[Figure] | None = None) -> bool:
    """The last of several parts is named the rest (其他, 其余: …、村卫生室 271 个，社区卫生服务中心、
    诊所等其他机构 18 个): it counts what the items before it leave of the whole, so the list is
    closed — unless a rest word stands before an earlier part too, or an item of the list
    (``listed``) is counted in another unit (床位 1,200 张、医护人员 860 人: the rest is of one of them)."""
    words = vocab()["rest_words"]
    if listed is not None and any(f.unit != parts[0].unit and f.span.start < parts[-1].span.end for f in listed):
        return False
    return len(parts) >= 2 and any(w in idx.clause_before(parts[-1], 30) for w in words) \
        and not any(w in idx.clause_before(p, 30) for p in parts[:-1] for w in words)


def _named_categories(idx: TextIndex, whole: Figure, labels: list[str]) -> bool:
    """The whole's own words list every part (受理投诉、举报 3862 件，其中投诉…、举报…) and nothing
    else: closed.  A list in the whole's words that names one more item than the parts, or ends in
    等 (辅导学生、教师、家长等 920 人次，其中学生…、家长…), leaves out what the parts do not name."""
    if len(labels) < 2:
        return False
    clause = idx.clause_before(whole, 30, list_items=True)
    names = [lab.removeprefix("其中") for lab in labels]
    if len(set(names)) != len(names):
        return False
    if all(2 <= len(n) <= 6 and n in clause for n in names):
        return _names_all(clause, names)
    return _compound(clause, names)


def _names_all(clause: str, names: list[str]) -> bool:
    """The names stand in the clause as one list with no other item (joined by 、 or a list joiner,
    no item before the first or after the last, no 等 after it).

    >>> _names_all("受理投诉、举报和咨询", ["投诉", "举报", "咨询"]), _names_all("辅导学生、教师、家长等", ["学生", "家长"])
    (True, False)
    >>> _names_all("辅导教师、学生、家长", ["学生", "家长"]), _names_all("辅导学生、家长等", ["学生", "家长"])
    (False, False)
    """
    at = sorted((clause.find(n), clause.find(n) + len(n)) for n in names)
    rest = "".join(clause[e:s] for (_, e), (s, _) in zip(at, at[1:]))
    for w in longest_first("list_joiners"):
        rest = rest.replace(w, "")
    after = clause[at[-1][1]:].strip(SPACES)
    return rest.strip(SPACES + "、,，") == "" and not clause[:at[0][0]].rstrip(SPACES).endswith("、") \
        and not after.startswith(("、", *vocab()["etc_words"]))


def _compound(clause: str, names: list[str]) -> bool:
    """The whole's words join the heads of its parts' names, in their order (新建改造公厕 46 座，其中
    新建 18 座、改造提升 28 座: 新建 + 改造): a noun of the parts it names, all of them.

    >>> _compound("全年新建改造公厕", ["新建", "改造提升"]), _compound("全年新建改造公厕", ["新建", "维修"])
    (True, False)
    """
    if len(names) < 2 or any(len(n) < 2 for n in names):
        return False
    heads = [""]
    for n in names:  # every choice of a head (two characters or more) for each name
        heads = [h + n[:k] for h in heads for k in range(2, min(len(n), 6) + 1)]
    return any(h in clause for h in heads)


def counted_kinds(idx: TextIndex, whole: Figure, parts: list[Figure]) -> bool:
    """The whole's own words say how many kinds it holds and the list names that many (发放两项补贴资金
    1,220.7 万元，其中生活补贴 …、护理补贴 …; 三类人员 …，其中 A …、B …、C …): closed.  The count
    (count_words) and its measure (count_measure) stand in the whole's clause before a noun, so
    they count what the figure counts, whatever the figures are."""
    if len(parts) < 2:
        return False
    v = vocab()
    clause = idx.clause_before(whole, 30)
    for m in v["count_measure"]:
        for at in find_all(clause, m):
            nxt = clause[at + len(m):at + len(m) + 1]
            if at > 0 and clause[at - 1] in v["count_words"] and "\u4e00" <= nxt <= "\u9fff":
                return bool(v["count_words"][clause[at - 1]] == len(parts))
    return False


def _levels_closed(idx: TextIndex, whole: Figure, labels: list[str]) -> bool:
    """The whole's words say which levels it counts and the parts name exactly those, once each:
    how many (市、县、乡、村四级河湖长 2386 名，其中市级…、县级…、乡级…、村级…) or down to which one
    (市级以上龙头企业 46 家，其中国家级…、省级…、市级…): closed."""
    v = vocab()
    ladder: list[list[str]] = v["level_ladder"]
    hits = []
    for lab in labels:
        at = {i for i, names in enumerate(ladder) if any(n in lab for n in names)}
        if len(at) != 1:
            return False
        hits.append(at.pop())
    if len(set(hits)) != len(hits):
        return False
    clause = idx.clause_before(whole, 30, list_items=True)
    counted = [n for w, n in v["count_words"].items() if f"{w}级" in clause]
    if counted:
        return counted == [len(hits)]
    for i, names in enumerate(ladder):
        if any(f"{n}以上" in clause or f"{n}及以上" in clause for n in names):
            return sorted(hits) == list(range(i + 1))
    return False
