"""The bundled sample corpus: generated files match the generator, gold files are well formed.

The samples under ``gongwen/corpora/samples/`` are built by ``scripts/make_samples.py`` from the
sources in ``src/``.  These tests rebuild them into a temporary folder and compare with what is
committed, check the hand-written gold TSVs against the sources, and check the properties other
areas rely on (k per PDF, the consecutive-year series and its one planted mismatch).
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import re
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import make_samples

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "gongwen" / "corpora" / "samples"
OUTLINE_COLUMNS = ["level", "marker", "title", "need"]
FIGURE_COLUMNS = ["id", "section", "program", "scope", "metric", "period", "value", "unit", "prev",
                  "need", "text"]
PERIOD = re.compile(r"^$|^\d{4}(-\d{2}(-\d{2})?)?(/(\d{4}(-\d{2}(-\d{2})?)?|\.\.))?$")


gen = make_samples()
MANIFEST = json.loads((SAMPLES / "manifest.json").read_text(encoding="utf-8"))
NAMES = [s["name"] for s in MANIFEST["samples"]]


def _tsv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f, delimiter="\t")
        rows = list(reader)
        return list(reader.fieldnames or []), rows


def _figures(name: str) -> list[dict[str, str]]:
    return _tsv(SAMPLES / name / f"{name}.gold.figures.tsv")[1]


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Path]]:
    out = tmp_path_factory.mktemp("samples")
    return out, gen.build(SAMPLES / "src", out)


def _zip_parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {n: z.read(n) for n in z.namelist()}


def test_committed_files_match_generator(rebuilt: tuple[Path, list[Path]]) -> None:
    out, written = rebuilt
    assert len(written) == 5 * 3 + 3 + 1  # five samples x three formats, the series, the manifest
    for p in written:
        rel = p.relative_to(out)
        committed = SAMPLES / rel
        assert committed.exists(), f"{rel} is generated but not committed: run make samples"
        new, old = p.read_bytes(), committed.read_bytes()
        if p.suffix == ".docx":
            assert _zip_parts(new) == _zip_parts(old), f"{rel}: DOCX parts differ"
        else:
            assert new == old, f"{rel} differs from the generator's output: run make samples"


def test_generator_is_deterministic(rebuilt: tuple[Path, list[Path]], tmp_path: Path) -> None:
    out, _ = rebuilt
    again = gen.build(SAMPLES / "src", tmp_path)
    for p in again:
        assert p.read_bytes() == (out / p.relative_to(tmp_path)).read_bytes(), p.name


@pytest.mark.parametrize("name", NAMES)
def test_gold_outline_is_well_formed(name: str) -> None:
    cols, rows = _tsv(SAMPLES / name / f"{name}.gold.outline.tsv")
    assert cols == OUTLINE_COLUMNS
    plain = gen.plain_text(gen.parse_source(SAMPLES / "src" / f"{name}.gw"))
    assert rows
    for r in rows:
        assert 1 <= int(r["level"]) <= 6 and r["need"] in {"req", "opt"}
        assert r["marker"] + r["title"] in plain, f"{name}: heading {r['marker']}{r['title']} not in source"
    assert rows[0]["level"] == "1"


@pytest.mark.parametrize("name", NAMES)
def test_gold_figures_are_well_formed_and_grounded(name: str) -> None:
    cols, rows = _tsv(SAMPLES / name / f"{name}.gold.figures.tsv")
    assert cols == FIGURE_COLUMNS
    plain = gen.plain_text(gen.parse_source(SAMPLES / "src" / f"{name}.gw"))
    assert [int(r["id"]) for r in rows] == list(range(1, len(rows) + 1))
    for r in rows:
        assert None not in r.values(), f"{name} row {r['id']}: wrong number of columns"
        Decimal(r["value"])
        if r["prev"]:
            Decimal(r["prev"])
        assert r["unit"] and r["section"] and r["program"] and r["scope"] and r["metric"]
        assert r["need"] in {"req", "opt"}
        assert PERIOD.match(r["period"]), f"{name} row {r['id']}: period {r['period']!r}"
        assert r["text"] in plain, f"{name} row {r['id']}: text {r['text']!r} not in the source"


def test_foundation_samples_cover_k_and_formats() -> None:
    found = [s for s in MANIFEST["samples"] if "foundation" in s["roles"]]
    assert len(found) >= 3
    assert {s["k"] for s in found} == {2, 3, 4}
    for s in found:
        assert set(s["files"]) == {"pdf", "docx", "txt"}
        assert 2 <= s["pages"] <= 5, s["name"]


def test_series_is_three_consecutive_years_in_mixed_formats() -> None:
    (issuer, members), = MANIFEST["series"].items()
    years = [m["year"] for m in members]
    assert years == list(range(years[0], years[0] + len(years))) and len(years) >= 3
    assert len({Path(m["file"]).suffix for m in members}) == len(members)
    for m in members:
        assert (SAMPLES / m["file"]).exists()
        assert next(s for s in MANIFEST["samples"] if s["name"] == m["name"])["issuer"] == issuer


def test_series_has_exactly_one_planted_cross_year_mismatch() -> None:
    members = next(iter(MANIFEST["series"].values()))
    mismatches = []
    for prev, cur in itertools.pairwise(members):
        last = {(r["program"], r["scope"], r["metric"], r["unit"]): Decimal(r["value"])
                for r in _figures(prev["name"])}
        for r in _figures(cur["name"]):
            key = (r["program"], r["scope"], r["metric"], r["unit"])
            if r["prev"] and key in last and Decimal(r["prev"]) != last[key]:
                mismatches.append((cur["name"], key, r["prev"], last[key]))
    assert mismatches == [("qingxi-2023", ("特困人员救助供养", "农村", "供养标准", "元/人/月"),
                           "850", Decimal(860))]


def test_planted_anomalies_are_documented() -> None:
    readme = (SAMPLES / "README.md").read_text(encoding="utf-8")
    for s in MANIFEST["samples"]:
        assert s["name"] in readme
    assert "850" in readme and "860" in readme  # the cross-year mismatch
    yunling = next(s for s in MANIFEST["samples"] if s["name"] == "yunling-2022")
    assert any("第三" in a for a in yunling["anomalies"])


@pytest.mark.parametrize("name", NAMES)
def test_text_dump_has_fake_bold_repetition(name: str) -> None:
    s = next(x for x in MANIFEST["samples"] if x["name"] == name)
    dump = (SAMPLES / s["files"]["txt"]).read_text(encoding="utf-8")
    k = s["k"]
    _, rows = _tsv(SAMPLES / name / f"{name}.gold.outline.tsv")
    bold_titles = [r["title"] for r in rows if len(r["title"]) >= 4]
    repeated = [t for t in bold_titles if t * k in dump.replace("\n", "")]
    assert repeated, f"{name}: no heading repeated {k} times in the dump"
    assert "\n\n\n\n" in dump  # a page break
    # a marker repeated per character, e.g. "1111、、、、" or "（（（（"
    assert re.search(rf"(.)\1{{{k - 1}}}[、.）]", dump) or re.search(rf"（{{{k}}}", dump)


def test_dump_artifacts_present() -> None:
    dumps = {n: (SAMPLES / n / f"{n}.txt").read_text(encoding="utf-8") for n in NAMES}
    assert "留 守 儿 童" in dumps["qingxi-2022"]
    assert "℅" in dumps["nanping-2022"] and "５２１６" in dumps["nanping-2022"]
    # a number split by a hard wrap: digits at a line end and digits at the next line start
    assert any(re.search(r"\d\n\n\d", d) for d in dumps.values())
    # a bold heading wrapped onto the next line (its tail repeated k=2 times on its own line)
    assert "\n\n作用作用\n\n" in dumps["qingxi-2022"]


@pytest.mark.parametrize("name", ["qingxi-2022", "yunling-2022", "nanping-2022"])
def test_pdf_fake_bold_is_overprinted_k_times(name: str) -> None:
    pdfplumber = pytest.importorskip("pdfplumber")
    s = next(x for x in MANIFEST["samples"] if x["name"] == name)
    with pdfplumber.open(SAMPLES / s["files"]["pdf"]) as pdf:
        page = pdf.pages[0]
        chars = page.chars
        counts: dict[tuple[str, int, int], int] = {}
        for c in chars:
            key = (c["text"], round(c["x0"]), round(c["top"]))
            counts[key] = counts.get(key, 0) + 1
        assert max(counts.values()) == s["k"]
        text = page.dedupe_chars(extra_attrs=None).extract_text()
        assert "— 1 —" in text
        if name == "qingxi-2022":
            assert "（一）兜牢困难群众基本生活底线" in text


def test_corpora_api_reads_the_manifest() -> None:
    import doctest

    from gongwen import corpora
    from gongwen.errors import DataError

    assert doctest.testmod(corpora).failed == 0
    s = corpora.sample("yunling-2022")
    assert (s.issuer, s.year, s.k, s.date) == ("云岭市民政局", 2022, 3, "2022-12-20")
    assert s.files["pdf"].exists() and s.gold_figures.exists() and s.gold_outline.exists()
    assert [p.parent.name for p in corpora.series_files()] == ["series"] * 3
    with pytest.raises(DataError, match="no sample named 'nope'"):
        corpora.sample("nope")
    with pytest.raises(DataError, match="no series for issuer"):
        corpora.series_files("不存在的局")
