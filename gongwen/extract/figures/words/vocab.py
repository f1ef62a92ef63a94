"""Labelling vocabularies: every bureau's programs, scopes and indicators (``data/vocab/``), loaded
once per process and matched leftmost-longest (:class:`.lexicon.Lexicon`).

:func:`load_vocab` returns a :class:`Vocab`; :func:`choose_vocab` picks the bureau vocabulary an
issuer names.  The labeller (:mod:`.labeller`) reads figures' programs, scopes and indicators from
it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import regex

from ...._data import package_yaml, parse_yaml
from ....errors import DataError
from .lexicon import Lexicon


@lru_cache(maxsize=32)
def _alt_cached(words: tuple[str, ...]) -> Any:
    return _alt(list(words))


@dataclass(frozen=True)
class Program:
    name: str
    aliases: tuple[str, ...]
    context_aliases: tuple[str, ...]
    within: str | None
    weak_aliases: tuple[str, ...] = ()
    bureau: str = ""
    aggregate: str = ""  # a total over kinds of work, the noun it measures (投资, 里程): its breakdown names kinds


@dataclass(frozen=True)
class Vocab:
    """A labelling vocabulary: every bureau's programs, scopes and indicators (``data/vocab/``)."""

    programs: dict[str, Program]
    alias_re: Any
    alias_map: dict[str, str]
    context_re: Any
    context_map: dict[str, str]
    scopes: dict[str, str]  # alias -> canonical
    scope_re: Any
    scope_cues: tuple[str, ...]
    jurisdiction: tuple[str, ...]
    partitions: tuple[frozenset[str], ...]
    compounds: dict[str, tuple[str, ...]]
    compound_re: Any
    weak: frozenset[str] = frozenset()  # aliases that only suggest their program (兜底保障)
    indicators: tuple[str, ...] = ()  # official indicator names (参保人数, 城镇调查失业率 …)
    indicator_re: Any = None
    children: dict[str, frozenset[str]] = field(default_factory=dict)  # parent -> sub-programs (within)
    # the programs at full strength: the issuer's bureau's and those its file shares (all of
    # them when the issuer is unknown); another bureau's are evidence by their full name only
    own: frozenset[str] = frozenset()
    foreign_generic: frozenset[str] = frozenset()  # another bureau's weak aliases: no evidence here
    base_measures: frozenset[str] = frozenset()  # the jurisdiction's own statistics (常住人口): no program
    base_subdivisions: tuple[str, ...] = ()  # its subdivisions counted (下辖9个社区): no program
    base_fillers: tuple[str, ...] = ()  # words that may open such a clause (全县, 辖区, 年末, 下辖)
    source_cues: tuple[str, ...] = ()  # a breakdown by source (从资金来源看): the programs after it are sources
    # alias -> the scope a figure takes: the words as written (农村适龄妇女, 进城务工人员随迁子女), the
    # canonical name for a shortening, a generic head added or its members (社团, 规上工业企业, 在园幼儿)
    scope_names: dict[str, str] = field(default_factory=dict)
    scope_members: frozenset[str] = frozenset()  # words for the members a category holds (在园幼儿 of 幼儿园)
    aggregates: frozenset[str] = frozenset()  # programs that total kinds of work (交通固定资产投资, 公路里程)
    breakdown_cues: tuple[str, ...] = ()  # words opening an aggregate's breakdown by kind (其中, 按行政等级分)
    # a standard set against another program's (按不低于当地低保标准的1.4倍): the words before that
    # program in its clause, and what follows it (its 标准, a multiple or a percentage)
    reference_before: Any = None
    reference_after: Any = None
    breakdown_criterion_re: Any = None  # a breakdown by a criterion named between two words (从投资投向看，)
    # the issuer's body's own whole (a court's 全院: its caseload; 全{level}公共机构 with {level} the
    # issuer's level, 县 or 市), else the place's
    whole: str = ""


def _alt(words: Sequence[str]) -> Lexicon:
    """The words as a leftmost-longest matcher (see :mod:`.lexicon`)."""
    return Lexicon(words)


# Names accepted by --vocab for a bundled bureau vocabulary (older names kept working).
_ONE_CHAR_SCOPES = frozenset("男女")
ALIASES = {"civil-affairs": "minzheng", "hrss": "renshe"}
_VOCAB_DIR = "data/vocab"


@lru_cache(maxsize=1)
def _bundled_names() -> list[str]:
    """Bureau vocabularies shipped under ``data/vocab/`` (``_universal`` apart)."""
    folder = resources.files("gongwen.extract").joinpath(_VOCAB_DIR)
    return sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".yaml") and not p.name.startswith("_"))


@lru_cache(maxsize=64)
def choose_vocab(requested: str | None, issuer: str | None) -> str | None:
    """The user's vocabulary (a path or a bundled bureau name) if given, else the bundled bureau
    whose ``issuer`` words match the document's issuer; None for the union of all bureaus (an
    unknown issuer, a 乡镇 or 街道).  A bureau whose every word found lies inside a longer word of
    another bureau found at the same place names the wider body: the more specific one wins (a
    消防救援大队 is the fire service's, not the 应急管理 bureau's that lists 消防救援; a 疾病预防控制
    中心 the 疾控's, not the 卫生健康 bureau's 疾病预防控制); otherwise the first in name order."""
    if requested:
        return ALIASES.get(requested, requested)
    if not issuer:
        return None
    found = {name: spans for name in _bundled_names()
             if (spans := _spans(issuer, map(str, _load_yaml(None, name).get("issuer") or ())))}
    for name, spans in found.items():
        others = [o for n, ss in found.items() if n != name for o in ss]
        if not all(any(o[0] <= s[0] and s[1] <= o[1] and o != s for o in others) for s in spans):
            return name
    return None


def _spans(text: str, words: Iterable[str]) -> list[tuple[int, int]]:
    """Where each word occurs in ``text`` (start, end), every occurrence."""
    return [(m.start(), m.start() + len(w)) for w in words if w for m in regex.finditer(regex.escape(w), text)]


def _load_yaml(path: Path | None, bundled: str = "minzheng") -> dict[str, Any]:
    if path is None:
        data = package_yaml("gongwen.extract", f"{_VOCAB_DIR}/{bundled}.yaml")
        where = f"{bundled}.yaml"
    else:
        try:
            text = Path(path).read_text("utf-8")
        except (OSError, UnicodeDecodeError) as e:
            raise DataError(f"cannot read vocabulary: {e}", path) from e
        where = str(path)
        data = parse_yaml(text, where)
    if not isinstance(data, dict) or not isinstance(data.get("programs", {}), dict):
        raise DataError("expected a mapping with a 'programs' mapping", where)
    return data


def _words(value: Any, where: str, key: str) -> tuple[str, ...]:
    """A list of words from a vocabulary entry; a bare string is an error, not 2 letters."""
    if value is None:
        return ()
    if not isinstance(value, list):
        raise DataError(f"{key}: expected a list of words, got {type(value).__name__}", where)
    return tuple(str(a) for a in value)


def _criterion_re(spec: dict[str, Any]) -> Any:
    """``{opens, closes}`` as a pattern: an opening word, a criterion of one to six characters
    (no punctuation, no digit), a closing word and the comma or colon after it (从投资投向看，)."""
    opens = _words(spec.get("opens"), "_universal.yaml", "breakdown_criteria.opens")
    closes = _words(spec.get("closes"), "_universal.yaml", "breakdown_criteria.closes")
    if not (opens and closes):
        return None
    alt = lambda ws: "|".join(map(regex.escape, sorted(ws, key=len, reverse=True)))  # noqa: E731
    return regex.compile(f"(?:{alt(opens)})[^，,。；;：:\\s\\d]{{1,6}}?(?:{alt(closes)})[，,：:]")


def _programs(data: dict[str, Any], where: str, bureau: str) -> list[Program]:
    out: list[Program] = []
    for name, spec in (data.get("programs") or {}).items():
        spec = spec or {}
        if not isinstance(spec, dict):
            raise DataError(f"programs.{name}: expected a mapping with 'aliases', got {type(spec).__name__}", where)
        weak = _words(spec.get("weak_aliases"), where, f"programs.{name}.weak_aliases")
        # no aliases at all: the name itself; only weak ones (社会救助): the name is weak too
        aliases = _words(spec.get("aliases"), where, f"programs.{name}.aliases") or (() if weak else (str(name),))
        out.append(Program(str(name), aliases,
                           _words(spec.get("context_aliases"), where, f"programs.{name}.context_aliases"),
                           spec.get("within"), weak, bureau, str(spec.get("aggregate") or "")))
    return out


def _unqualified(indicators: Sequence[str], scopes: dict[str, str], parts: frozenset[str]) -> list[str]:
    """Indicator names without a leading category: 规模以上工业增加值 → 增加值 (the category is
    the figure's scope, found on its own); a part of a whole stays in the name, which is then a
    fixed term (城镇新增就业, 城镇调查失业率)."""
    out: list[str] = []
    lead = _alt([a for a, c in scopes.items() if c not in parts])
    for name in indicators:
        m = lead.match(name)
        out.append(name[m.end():] if m and len(name) - m.end() >= 2 else name)
    return out


@lru_cache(maxsize=64)  # every bundled bureau's variant (61 and the union, ~2.6 MB each) stays loaded in a corpus build
def load_vocab(path: str | None = None) -> Vocab:
    """The labelling vocabulary.

    Every bundled bureau vocabulary is loaded (a report names other bureaus' programs too: a
    township report is all of them); ``path`` — a bundled bureau name or the issuer's bureau —
    puts that bureau's aliases first where two bureaus use the same word.  A user file (a path)
    replaces the programs and scopes, and inherits the rest.
    """
    universal = package_yaml("gongwen.extract", f"{_VOCAB_DIR}/_universal.yaml")
    names = _bundled_names()
    user: dict[str, Any] | None = None
    preferred = None
    if path is not None:
        if path in names:
            preferred = path
        else:
            user = _load_yaml(Path(path))
    programs: dict[str, Program] = {}
    scopes: dict[str, str] = {}
    indicators: list[str] = []
    order = [n for n in names if n != preferred] + ([preferred] if preferred else [])
    sources: list[tuple[dict[str, Any], str, str]] = [(_load_yaml(None, n), f"{n}.yaml", n) for n in order]
    if user is not None:
        sources = [(user, str(path), "user")]
    # a body whose work every office does for itself (理论学习, 警示教育, 党员发展 of a party organ; 代表建议
    # of the congress): its words name its programs in its own reports only — another office's report of
    # that work names no program, and a township's or another bureau's words stay theirs
    own_only = frozenset(b for data, _, b in sources if data.get("own_reports_only") and b != preferred)
    # with the issuer's bureau known, its file's categories (and the universal ones) are the
    # scopes: another bureau's (the 税种 of a 税务 file) are no category of this report's figures
    union = preferred is None or bool(_load_yaml(None, preferred).get("union"))
    # a union reading spans the line bureaus' programs (``line_bureaus``), a user file's too
    line = frozenset(_words(universal.get("line_bureaus"), "_universal.yaml", "line_bureaus")) & set(names)
    spans = line | {preferred, "user"} if union else frozenset()
    for data, where, bureau in sources:
        for p in _programs(data, where, bureau):
            old = programs.get(p.name)
            if old is not None and old.bureau in line and bureau not in line and bureau != preferred:
                continue  # a specialised body's file does not redefine a line bureau's program
            if old is not None and bureau in own_only:
                continue  # (nor does a file read in its own reports only redefine another's elsewhere)
            programs.pop(p.name, None)  # re-insert: a later (preferred) bureau's aliases win
            programs[p.name] = p
        if bureau in line or bureau in (preferred, "user"):  # a specialised body's in its own reports
            indicators.extend(_words(data.get("indicators"), where, "indicators"))
        if not (bureau in spans or bureau in (preferred, "user")):
            continue
        for c, al in (data.get("scopes") or {}).items():
            for a in _words(al, where, f"scopes.{c}") or (str(c),):
                if len(a) > 1 or a in _ONE_CHAR_SCOPES:  # 乡 would match inside 城乡
                    scopes[a] = str(c)
    base = dict(universal)
    if user is not None:
        base.update({k: v for k, v in user.items() if k not in ("programs", "scopes", "indicators")})
    for c, al in (universal.get("scopes") or {}).items():
        for a in _words(al, "_universal.yaml", f"scopes.{c}") or (str(c),):
            scopes.setdefault(a, str(c))
    # ``shares``: programs another bureau file owns that this bureau reports as its own (a 商务局
    # reports 社会消费品零售总额, a 林业局 森林防灭火): full strength in its reports too
    shared = set(_words(_load_yaml(None, preferred).get("shares"), f"{preferred}.yaml", "shares")) if preferred else set()
    if shared - programs.keys():
        raise DataError(f"shares: no such program {sorted(shared - programs.keys())[0]}", f"{preferred}.yaml")
    # with the issuer's bureau known, other bureaus' programs are weak evidence: a 民政 report's
    # "村两委" or "疫情防控" does not outrank the 民政 program its heading names
    own = frozenset(n for n, p in programs.items() if p.bureau in spans or p.bureau == preferred or n in shared)
    alias_map: dict[str, str] = {}
    weak: set[str] = set()

    def words(p: Program, aliases: tuple[str, ...]) -> tuple[str, ...]:
        """A specialised body's words (累计发放, 救助资金 of a 乡村振兴 or 红十字会 file) name its
        programs in its own reports; elsewhere only the words holding a program's full name do."""
        if p.name in own or p.bureau in line:
            return aliases
        if p.bureau in own_only:
            return ()
        return tuple(a for a in aliases if _names(p.name, a))

    for p in programs.values():
        for a in words(p, p.weak_aliases):
            alias_map[a] = p.name
            weak.add(a)
    for strong_pass in (False, True):
        for p in programs.values():
            if (p.name in own) != strong_pass:
                continue
            # a specialised body's part of a program at full strength here is that program (its
            # 抵押登记 within 不动产登记, in a 自然资源 report)
            target = p.within if not strong_pass and p.bureau not in line and p.within in own else p.name
            for a in words(p, p.aliases):
                alias_map[a] = target
                # a specialised body's program, named in full elsewhere, only suggests it (办理12345热线
                # 转办件 in a 人社 report is the report's own work through the hotline)
                if strong_pass or _names(p.name, a) and (p.bureau in line or target in own):
                    # a program written by its full name is evidence in any report, so is a longer
                    # word holding it (农村居民人均可支配收入 in a 农业农村 report)
                    weak.discard(a)
                else:
                    weak.add(a)
    # a word that is one bureau's program's own name means that program, not another bureau's that
    # lists it among its words (安全生产 is the 应急 bureau's program, not the 行业安全生产 of a
    # 邮政管理 file), unless the issuer's bureau claims it: the order of the files decides nothing
    for n, p in programs.items():
        owner = programs.get(alias_map.get(n, n))
        if owner is not None and owner.name != n and owner.bureau not in (p.bureau, preferred) and n in words(p, p.aliases):
            alias_map[n] = n
            (weak.discard if n in own or _names(n, n) else weak.add)(n)
    # the words of the programs at full strength are theirs, the generic ones too: another bureau's
    # program does not take them (a 民政 report's 兜底保障 suggests its 脱贫攻坚兜底保障)
    for p in programs.values():
        if p.name in own:
            for a in p.weak_aliases:
                if alias_map.get(a) not in own:
                    alias_map[a] = p.name
                    weak.add(a)
    # another bureau's generic words (整改率, 税费) mean what its reports mean by them: words still
    # (a metric's phrase is cut at them), but no evidence of a program here — unless this report's
    # own programs claim them (救助, a 红十字会 file's generic word, is the 民政 report's 社会救助)
    foreign_generic = frozenset(a for p in programs.values() if p.name not in own and p.bureau not in own_only
                                for a in p.weak_aliases if alias_map.get(a) not in own)
    if preferred:
        alias_map.update(_specialised(_load_yaml(None, preferred), f"{preferred}.yaml", programs))
    context_map = {a: p.name for p in programs.values() for a in p.context_aliases}
    # a body whose figures are its own, not its place's (a court's caseload is 全院's): the words for
    # that whole (``whole``: its name first), read as the jurisdiction's are
    wholes = _wholes(_load_yaml(None, preferred).get("whole"), f"{preferred}.yaml") if preferred else ()
    named = set(alias_map.values()) | set(context_map.values())
    parts = frozenset().union(*(frozenset(p) for p in base.get("partitions") or ()))
    inds = tuple(dict.fromkeys(_unqualified(indicators, scopes, parts)))
    return Vocab(
        programs=programs,
        alias_re=_alt(list(alias_map)),
        alias_map=alias_map,
        context_re=_alt(list(context_map)),
        context_map=context_map,
        scopes=scopes,
        scope_names=_scope_names(scopes, _words(base.get("scope_heads"), "_universal.yaml", "scope_heads"),
                                 _words(base.get("scope_members"), "_universal.yaml", "scope_members")),
        scope_members=frozenset(_words(base.get("scope_members"), "_universal.yaml", "scope_members")),
        scope_re=_alt(list(scopes)),
        scope_cues=tuple(base.get("scope_cues") or ()),
        source_cues=_words(base.get("source_cues"), "_universal.yaml", "source_cues"),
        aggregates=frozenset(n for n, p in programs.items() if p.aggregate),
        breakdown_cues=_words(base.get("breakdown_cues"), "_universal.yaml", "breakdown_cues"),
        reference_before=_reference_before(base.get("reference_bases") or {}),
        reference_after=_reference_after(base.get("reference_bases") or {}),
        breakdown_criterion_re=_criterion_re(base.get("breakdown_criteria") or {}),
        base_measures=frozenset(_words((base.get("base_statistics") or {}).get("measures"), "_universal.yaml",
                                       "base_statistics.measures")),
        base_subdivisions=_words((base.get("base_statistics") or {}).get("subdivisions"), "_universal.yaml",
                                 "base_statistics.subdivisions"),
        base_fillers=tuple(base.get("jurisdiction") or ())  # the jurisdiction's own words open them too
        + _words((base.get("base_statistics") or {}).get("fillers"), "_universal.yaml", "base_statistics.fillers"),
        jurisdiction=tuple(base.get("jurisdiction") or ()) + _at_levels(wholes, base.get("jurisdiction") or ()),
        whole=wholes[0] if wholes else "",
        partitions=tuple(frozenset(p) for p in base.get("partitions") or ()),
        compounds={str(k): tuple(v) for k, v in (base.get("compounds") or {}).items()},
        compound_re=_alt(list(base.get("compounds") or {})),
        weak=frozenset(weak),
        own=own,
        foreign_generic=foreign_generic,
        # (a sub-program only where a word names it: another body's part of a program at full
        # strength here, all of whose words name that program, is no sub-program of it here)
        children={parent: frozenset(n for n, p in programs.items() if p.within == parent and n in named)
                  for parent in {p.within for p in programs.values() if p.within}},
        indicators=inds,
        indicator_re=_alt(list(inds)),
    )


def _wholes(value: Any, where: str) -> tuple[str, ...]:
    """A bureau file's ``whole``: the words for all the body reports on, its name first, each perhaps
    with ``{level}`` for the issuer's administrative level (全{level}公共机构)."""
    wholes = _words(value, where, "whole")
    for w in wholes:
        if not w.strip() or "{" in w.replace("{level}", ""):
            raise DataError(f"whole: expected words, perhaps with {{level}}, found {w!r}", where)
    return tuple(w.strip() for w in wholes)


def _at_levels(wholes: Sequence[str], places: Sequence[str]) -> tuple[str, ...]:
    """The whole's words as jurisdiction words: ``{level}`` read at every level the jurisdiction's
    own words name (全县 → 县属国有企业, 全市 → 市属国有企业), since the issuer is not known here."""
    levels = [str(p)[1:] for p in places if str(p).startswith("全")]
    return tuple(dict.fromkeys(w.replace("{level}", lv) for w in wholes for lv in (levels if "{level}" in w else [""])))


def _names(program: str, word: str) -> bool:
    """Whether ``word`` names ``program`` in another bureau's report: it holds the program's full
    name and is longer than two characters (a two-character name, 扩面 or 美术, is a word of
    every field's reports).

    >>> _names("安全生产", "安全生产"), _names("扩面", "扩面"), _names("扩面", "公积金扩面")
    (True, False, True)
    """
    return program in word and len(word) > 2


def _reference_before(spec: dict[str, Any]) -> Any:
    """The words that set a standard against a base named after them (``reference_bases.before``),
    or None when there are none."""
    words = _words(spec.get("before"), "_universal.yaml", "reference_bases.before")
    return regex.compile("|".join(map(regex.escape, sorted(words, key=len, reverse=True)))) if words else None


def _reference_after(spec: dict[str, Any]) -> Any:
    """What follows a base: its noun (标准, 水平), 的 and a multiple or a percentage (``reference_bases``)."""
    nouns = _words(spec.get("nouns"), "_universal.yaml", "reference_bases.nouns")
    units = _words(spec.get("units"), "_universal.yaml", "reference_bases.units")
    if not units:
        return None
    alt = lambda ws: "|".join(map(regex.escape, sorted(ws, key=len, reverse=True)))  # noqa: E731
    return regex.compile((f"(?:{alt(nouns)})?" if nouns else "") + rf"的?\s*[\d.]+\s*(?:{alt(units)})")


def _specialised(data: dict[str, Any], where: str, programs: dict[str, Program]) -> dict[str, str]:
    """Other bureaus' programs that the issuer's bureau runs for its own people, by their full name
    (a program's ``specialises``: 职业技能培训 in a 退役军人事务局's report is its 退役军人职业技能
    培训): the name -> the issuer's program.  Only in the issuer's reports, so data, not a rule on
    names — the writers of a 交通运输局 still call its 安全生产 so."""
    out: dict[str, str] = {}
    for name, spec in (data.get("programs") or {}).items():
        for other in _words((spec or {}).get("specialises"), where, f"programs.{name}.specialises"):
            if other not in programs:
                raise DataError(f"programs.{name}.specialises: no such program {other}", where)
            out[other] = str(name)
    return out


def _scope_names(scopes: dict[str, str], heads: Sequence[str], members: Sequence[str] = ()) -> dict[str, str]:
    """The scope each alias gives a figure: the words as the text names them (农村适龄妇女,
    中等职业学校 of 中职), or the canonical name when the alias shortens it (社团, 规上工业) or is
    that name, or another alias of it, with a generic head added (规模以上工业企业, 城镇居民), or
    names the members the category holds (``members``: 在园幼儿 of 幼儿园).

    >>> _scope_names({"农村居民": "农村", "规模以上工业企业": "规模以上工业", "规上工业": "规模以上工业",
    ...               "规上工业企业": "规模以上工业", "中职": "中职"}, ["企业"])
    {'农村居民': '农村居民', '规模以上工业企业': '规模以上工业', '规上工业': '规模以上工业', '规上工业企业': '规模以上工业', '中职': '中职'}
    """
    spelt = {(c, a) for a, c in scopes.items()} | {(c, c) for c in scopes.values()}
    return {a: c if a in members or _abbreviates(a, c) or any(a.endswith(h) and (c, a[: -len(h)]) in spelt for h in heads) else a
            for a, c in scopes.items()}


def _abbreviates(short: str, full: str) -> bool:
    """Whether ``short`` is ``full`` shortened: fewer characters, in its order (社团 of 社会团体,
    规上工业 of 规模以上工业).

    >>> _abbreviates("民非", "民办非企业单位"), _abbreviates("中等职业学校", "中职"), _abbreviates("城区", "主城区")
    (True, False, True)
    """
    if len(short) >= len(full):
        return False
    it = iter(full)
    return all(ch in it for ch in short)


@lru_cache(maxsize=1)
def _bureau_words() -> tuple[str, ...]:
    """Words of a bureau's own name (every bundled vocabulary's ``issuer`` words) and office words."""
    words = {str(w) for n in _bundled_names() for w in (_load_yaml(None, n).get("issuer") or ())}
    return tuple(sorted(words | {"人民政府", "政府", "办事处", "委员会"}, key=len, reverse=True))
