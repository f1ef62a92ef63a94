"""No metric or scope is a broken word.

Every metric is either a name the vocabularies or metrics.yaml give (人数, 发放金额, 地区生产总值 …)
or a stretch of the figure's own sentence (or its table) that starts and ends on a word
boundary, possibly followed by one of the nouns the labeller appends (数, 人数, 面积, 增速 …).
Word boundaries come from jieba with the vocabularies loaded as user words — an oracle the
extractor itself does not use (it cuts phrases on its own lexicon), so a fixed-width cut such as
"理型床位比例" or "家养老服务站数" is caught.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import regex

jieba = pytest.importorskip("jieba")

from gongwen._data import package_yaml
from gongwen.extract.figures.grammar.periods import find_periods
from gongwen.extract.figures.grammar.units import TABLES
from gongwen.extract.figures.words.metric_rules import metric_rules
from gongwen.extract.figures.words.vocab import _bundled_names, load_vocab
from gongwen.extract.pipeline import extract

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted((ROOT / "gongwen" / "corpora" / "samples").glob("*-20*/*.txt"))

def _dev_texts() -> list[Path]:
    """The text of every development report: hand-written, or the dump rendered from its .gw."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("labels_eval", ROOT / "bench" / "labels_eval.py")
    assert spec and spec.loader
    le = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(le)
    return [p for d in le.documents("dev", None) for p in le.sources(d, ["txt"])]

# what the labeller may append to a phrase (and 占 it may prepend to a share's whole)
SUFFIXES = ("增速", "增量", "变动", "增幅", "完成率", "比重", "人数", "户数", "人次", "数", "面积", "长度",
            "数量", "合计", "增减", "时限", "发放金额", "占比", "总数", "比例", "里程",
            # (a target named across its amount: "完成年度8万人次目标的27.5%" → 年度 + 目标)
            "目标", "任务",
            # (a table row's measure under a column of its year's target: 改造户数 + 年度目标; a count
            # in the row's unit: 筹集 + 套数)
            "年度目标", "年度任务", *(f"{u}数" for u, k in TABLES.kinds.items() if k == "count"),
            # (a per-unit amount named as the standard of the benefit it sets: 每餐补贴3元 → 补贴 + 标准)
            "标准",
            # (an amount paid named by the verb that paid it: 拨付 + 金额, as 发放 + 金额)
            *(f"{v}金额" for v in (*metric_rules()["pay_verbs"], "支出", "投入")),
            *(f"{v}幅度" for v in metric_rules()["point_moves"]), *metric_rules()["event_units"].values())
QUOTES = regex.compile(r"[“”‘’\"《》「」]")
# what it may put before one: an average's prefix (人均, 户均 …: "户均" + 优待金)
PREFIXES = tuple(p for p in TABLES.per_prefixes if "均" in p)
# and what a gap in percentage points joins (增速 + 高于 + 城镇居民): each side a phrase of its own
# (and a percentage of a whole the labeller names: 一般公共预算收入 + 相当于 + 支出 + 比例, 能繁母猪存栏 + 占 + 正常保有量)
GAPS = regex.compile("|".join([*metric_rules()["point_gaps"], *(v + "于" for v in metric_rules()["point_gaps_after_than"]),
                               "相当于", "(?<=.)占(?=.)"]))


@pytest.fixture(scope="module")
def oracle():
    jieba.setLogLevel(60)
    v = load_vocab(None)
    # the line bureaus' words, as a union reading counts them: a specialised body's words count
    # only in its own reports, and its thousands of aliases as jieba words would move the cuts of
    # every other report's text
    line = set(package_yaml("gongwen.extract", "data/vocab/_universal.yaml")["line_bureaus"])
    own = [w for w, n in v.alias_map.items() if v.programs[n].bureau in line]
    for w in [*own, *v.scopes, *v.indicators]:
        jieba.add_word(w)
    r = metric_rules()
    named = (set(SUFFIXES) | {str(x) for x in r["defaults"].values()} | {x["metric"] for x in r["rules"]}
             | {str(x) for x in r["measures"].values()} | set(v.indicators) | set(v.alias_map))
    return named


def _candidates(metric: str) -> set[str]:
    out = {metric}
    for _ in range(2):
        out |= {c[: -len(s)] for c in out for s in SUFFIXES if c.endswith(s)}
        # a count of times in its unit (批次, 家次, 剂次 …): the labeller appends the unit
        out |= {c[:-2] for c in out if len(c) > 3 and c.endswith("次") and c[-2] != "人"}
    out |= {c[1:] for c in out if c.startswith("占")}
    out |= {c[len(p):] for c in out for p in PREFIXES if c.startswith(p)}
    out |= {side for c in out for side in GAPS.split(c)}
    # a count verb before the counted noun ("完成" + "任务" from "完成2800批次任务")
    out |= {c[len(v):] for c in out for v in _count_verbs() if c.startswith(v)}
    return {c for c in out if c}


def _count_verbs() -> list[str]:
    return list(metric_rules()["count_verbs"])


def _on_boundaries(core: str, context: str) -> bool:
    bounds, p = {0}, 0
    for tok in jieba.lcut(context):
        p += len(tok)
        bounds.add(p)
    return any(m.start() in bounds and m.end() in bounds for m in regex.finditer(regex.escape(core), context))


def _without_periods(context: str) -> str:
    """The context with the period phrases it states cut out (全年, 上半年, 截至6月底 …)."""
    out, pos = [], 0
    for p in sorted(find_periods(context), key=lambda p: p.span.start):
        if p.span.start >= pos:
            out.append(context[pos:p.span.start])
            pos = p.span.end
    return "".join(out) + context[pos:]


def _broken(path: Path, named: set[str]) -> list[str]:
    ex = extract(path)
    text = ex.document.text
    bad = []
    for f in ex.figures:
        if not f.metric:
            continue
        if f.source == "table":
            context = next(t.span.slice(text) for t in ex.document.tables if t.span.start <= f.span.start < t.span.end)
        else:
            context = f.text_span.slice(text) if f.text_span else ""
        cands = _candidates(f.metric)
        # (the labeller drops quotation marks around a name: “一肩挑”比例 → 一肩挑比例)
        bare = QUOTES.sub("", context)
        # (and the period a phrase states inside it, which is the figure's period, not its measure:
        # 社区长者食堂全年提供助餐服务 → 社区长者食堂提供助餐服务)
        timeless = _without_periods(context)
        if any(c in named or len(c) < 2 or _on_boundaries(c, context) or _on_boundaries(c, bare)
               or _on_boundaries(c, timeless) for c in cands):
            continue
        # (a part of a breakdown measures what its whole, stated earlier in the paragraph, measures:
        # "全年完成水利投资…。从投资投向看，农村供水工程1.15亿元" → 完成水利投资)
        para = next((p.span.slice(text) for p in ex.document.paragraphs if p.span.start <= f.span.start < p.span.end), "")
        if f.source != "table" and any(len(c) >= 2 and _on_boundaries(c, para) for c in cands):
            continue
        bad.append(f"{f.metric} | {context[:40]}")
    return bad


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_sample_metrics_are_whole_words(path: Path, oracle) -> None:
    assert _broken(path, oracle) == []


def test_dev_corpus_metrics_are_whole_words(oracle) -> None:
    """Over the independent writers' development reports: at most 2 % of metrics not aligned
    with jieba's words (its segmentation of rare compounds differs from ours at times)."""
    bad, total = [], 0
    for path in _dev_texts():
        bad += _broken(path, oracle)
        total += len(extract(path).figures)
    assert total > 800
    assert len(bad) <= 0.02 * total, "\n".join(bad[:40])


def _broken_scopes(path: Path, named: set[str]) -> list[str]:
    ex = extract(path)
    text = ex.document.text
    bad = []
    for f in ex.figures:
        if not f.scope or f.scope in named or f.scope.startswith("全") or f.source == "table":
            continue
        context = f.text_span.slice(text) if f.text_span else ""
        if not _on_boundaries(f.scope, context) or f.scope[0] in FUNCTION_LEADS:
            bad.append(f"{f.scope} | {context[:40]}")
    return bad


# a scope never opens on a particle or a conjunction, though jieba may cut one off as a word of its
# own (5至10人的儿童关爱志愿服务队 gave 的儿童)
FUNCTION_LEADS = "的之和及与或并"


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_sample_scopes_are_whole_words(path: Path, oracle) -> None:
    v = load_vocab(None)
    assert _broken_scopes(path, set(v.scopes) | set(v.scopes.values()) | set(v.compounds)) == []


def test_dev_corpus_scopes_are_whole_words(oracle) -> None:
    """A scope is a vocabulary category (or a compound of categories), the jurisdiction, or a stretch of its sentence that starts
    and ends on jieba's word boundaries (never a fragment such as 学校被评为…, 一公开”抽查比例):
    at most 1 % off over the independent writers' development reports."""
    v = load_vocab(None)
    # (a compound, 城乡, names categories as a category does: whether jieba cuts 城乡|低保对象 or
    # 城乡低保|对象 turns on the frequencies it suggests for the words added before, which any new
    # vocabulary word moves)
    named = set(v.scopes) | set(v.scopes.values()) | set(v.compounds)
    # a specialised body's categories (同城快递 of a 邮政管理 file) are its own reports' scopes: the
    # union reading leaves them out, the body's reading has them
    for name in _bundled_names():
        own = load_vocab(name)
        named |= set(own.scopes) | set(own.scopes.values())
        # (the whole a body reports on stands for its jurisdiction: 县属国有企业, 市档案馆 — its words at
        # every level are its jurisdiction words)
        named |= set(own.jurisdiction)
    bad, total = [], 0
    for path in _dev_texts():
        bad += _broken_scopes(path, named)
        total += len(extract(path).figures)
    assert total > 800
    assert len(bad) <= 0.01 * total, "\n".join(bad[:40])
