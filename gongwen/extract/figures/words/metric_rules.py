"""The rules of ``metrics.yaml``, compiled once, and what they say of a unit or a clause: the kind
of quantity a unit measures (:func:`unit_kind`), the noun it measures (:func:`measure_of`), the move a
change in points names (:func:`point_move`); and the bare nouns no metric may be cut down to."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import regex

from ...._data import package_yaml
from .heads import _HEADS

# the nouns a metric falls back to: what is left of a metric must say more than these
_BARE_NOUNS = frozenset({"增速", "增量", "变动", "增幅", "人数", "户数", "人次", "数量", "金额", "比例", "比重",
                         "占比", "面积", "长度", "总量", "规模", "标准", "累计增速", "总额"})

@lru_cache(maxsize=1)
def _verbs() -> frozenset[str]:
    """Verbs that can stand before a counted program (metrics.yaml program_verbs)."""
    r = metric_rules()
    return frozenset(r.get("program_verbs") or ())

def alt_of(words: Any) -> str:
    """An alternation of ``words``, longest first (a regular expression's source)."""
    return "|".join(sorted(map(str, words), key=len, reverse=True))


def _around(words: Any) -> str:
    """A lookaround's body: a string is a set of characters, a list a set of words."""
    if isinstance(words, str):
        return "[" + regex.escape(words) + "]"
    return "|".join(map(regex.escape, map(str, words)))


def cue_alt(spec: dict[str, Any], key: str = "words") -> str:
    """The words of ``spec[key]`` as an alternation in their order (a regular expression's source),
    each word kept from a longer one by ``spec``'s ``not_after`` and ``not_before`` (see the
    phrase cues of ``metrics.yaml``).

    >>> cue_alt({"words": ["和", "据", "为"], "not_after": {"和": "总温"}, "not_before": {"据": ["统计"]}})
    '(?<![总温])和|据(?!统计)|为'
    """
    after, before = spec.get("not_after") or {}, spec.get("not_before") or {}
    return "|".join((f"(?<!{_around(after[w])})" if w in after else "") + regex.escape(str(w))
                    + (f"(?!{_around(before[w])})" if w in before else "") for w in spec[key])


@lru_cache(maxsize=1)
def metric_rules() -> dict[str, Any]:
    data = dict(package_yaml("gongwen.extract", "data/metrics.yaml"))
    data["rules"] = [dict(r) for r in data["rules"]]
    for r in data["rules"]:
        r["rx"] = regex.compile(r["cue"])
    data["unit_kind"] = {u: k for k, us in data["kinds"].items() for u in us}
    data["person_verb_rx"] = regex.compile(r"(?:" + "|".join(data["person_verbs"]) + r")[\p{Han}]{0,6}?(?=[，。；、（(,;]|$)")
    cuts = {*data["count_verbs"], *data["program_verbs"], *data["pay_verbs"], *data["person_verbs"], *data["long_cuts"],
            *map(str, _HEADS["action_leads"])}
    data["long_cut_rx"] = regex.compile("|".join(sorted(cuts, key=len, reverse=True)))
    src = data["funding_sources"]
    data["source_rx"] = regex.compile(
        rf"(?:其中)?(?:{alt_of(src['verbs'])})?(?:(?:{alt_of(src['levels'])})(?:和(?:{alt_of(src['levels'])}))?(?:{alt_of(src['nouns'])})"
        rf"|(?:{alt_of(src['levels'])})?(?:{alt_of(src['named'])}))")
    data["source_cue_rx"] = regex.compile(alt_of(src["cues"]))
    data["standard_of_rx"] = regex.compile(
        rf"的?标准(?:{alt_of(data['standard_adverbs'])})*(?P<act>{alt_of(data['standard_acts'])})(?P<what>[^，。；,;\d]{{2,30}})")
    data["as_verb_rx"] = regex.compile("|".join(sorted(data["as_verbs"], key=len, reverse=True)))
    data["mileage_rx"] = regex.compile("(?:" + "|".join(sorted(data["mileage_heads"], key=len, reverse=True)) + ")$")
    data["person_act_rx"] = regex.compile(r"(?<=[\p{Han}]{2})(?:" + "|".join(data["person_verbs"]) + r")$")
    data["count_verb_any"] = regex.compile("|".join(sorted(data["count_verbs"], key=len, reverse=True)))
    data["count_verb_rx"] = regex.compile("(?:" + "|".join(sorted(data["count_verbs"], key=len, reverse=True)) + r")(?=[^，。；]{0,8}$)")
    alt = lambda key: "|".join(sorted(map(str, data[key]), key=len, reverse=True))  # noqa: E731
    data["point_move_rx"] = regex.compile(rf"(?P<verb>{alt('point_moves')})了?$")
    data["point_gap_rx"] = regex.compile(rf"(?P<verb>{alt('point_gaps')})(?P<ref>[^，。；,;]{{1,16}})$")
    data["point_than_rx"] = regex.compile(rf"(?:比|较)(?P<ref>[^，。；,;]{{1,24}}?)(?P<verb>{alt('point_gaps_after_than')})$")
    # the phrase cues (phrases.py): the trail is matched from the end, longest match first — the
    # same cut as a forward search of this end-anchored alternation, without trying the whole
    # alternation at every position of the phrase
    leads = data["phrase_leads"]
    data["phrase_lead_rx"] = regex.compile(rf"^(?:(?:{cue_alt(leads)})|(?:{cue_alt(leads, 'before_name')})(?=[\p{{Han}}]{{2}}))")
    data["phrase_trail_rx"] = regex.compile(rf"(?rp)(?:{cue_alt(data['phrase_trail'])})$")
    data["done_trail_rx"] = regex.compile(rf"(?<=\p{{Han}}{{2}})(?:{cue_alt(data['done_trail'])})$")
    data["subject_modal_rx"] = regex.compile("|".join(sorted(map(str, data["subject_modals"]), key=len, reverse=True)))
    data["function_char_rx"] = regex.compile(f"(?:{cue_alt(data['function_chars'])})")
    return data


def point_move(clause: str) -> str:
    """The move a change in percentage points states at the end of its clause, as the noun of
    what it measures: "…提高" → 提高幅度, "收窄" → 收窄幅度; 变动 when the clause names none.

    >>> point_move("较上年同期提高"), point_move("")
    ('提高幅度', '变动')
    """
    m = metric_rules()["point_move_rx"].search(clause)
    return m["verb"] + "幅度" if m else str(metric_rules()["defaults"]["points"])

def measure_of(unit: str, what: str) -> str | None:
    """The noun a figure in ``unit`` measures of ``what`` (metrics.yaml measures): a road's length is
    its mileage.

    >>> measure_of("公里", "新改建农村公路"), measure_of("公里", "污水管网"), measure_of("个", "x")
    ('里程', '长度', None)
    """
    r = metric_rules()
    m = r["measures"].get(unit)
    return "里程" if m == "长度" and r["mileage_rx"].search(what) else m

def unit_kind(unit: str) -> str:
    """money, rate, person, household, person_time, percent, points or count."""
    kinds = metric_rules()["unit_kind"]
    if unit in kinds:
        return str(kinds[unit])
    if "/" in unit:
        return "rate"
    return "count"


_DEVIATION = package_yaml("gongwen.extract", "data/changes.yaml")["deviation"]
# a change's words that are only a departure from a norm or an earlier year (常年同期偏多, 前年偏大: changes.yaml
# deviation): they name no measure — the level before the change does — but the direction stays in its name
DEVIATION_ONLY = regex.compile("(?:比|较|与)?(?:" + "|".join(sorted(map(str, _DEVIATION["norms"]), key=len, reverse=True))
                               + ")*的?(?:" + "|".join(map(str, _DEVIATION["directions"])) + ")")
DEVIATION_END = regex.compile("(?:" + "|".join(map(str, _DEVIATION["directions"])) + ")$")
