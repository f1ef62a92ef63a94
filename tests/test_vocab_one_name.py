"""One program, one name across the bureau files: where two files each list the other's program
name among their own program's words, the two are one program and take one name — the line
bureau's (a specialised body's file follows it: 矛盾纠纷排查化解 of the 乡镇 file, not the
矛盾纠纷化解 of the 政法委 and 公安 files), else the name most files give it (队伍建设).  The
writers of dev A–J give that name: 矛盾纠纷排查化解 7 of 8 writers, 全民义务植树 4 of 4,
古树名木保护 2 of 2.  A panel keyed by program then counts one program under one key whichever
bureau reported it.  Invented sentences."""

from __future__ import annotations

from importlib import resources

from gongwen._data import package_yaml
from gongwen.extract.figures.words.vocab import load_vocab
from gongwen.extract.pipeline import document_from_text, extract

# named apart on purpose: the specialised body's writer names the fund 衔接资金 (16 figures of dev),
# the 农业农村 writers its full name (10 figures, 3 writers) — one name measured 16 lost for 4 won
APART = {frozenset({"衔接资金", "衔接推进乡村振兴补助资金"})}


def _programs(issuer: str, body: str) -> dict[str, str | None]:
    text = f"{issuer}2025年工作总结\n一、主要成效\n{body}\n{issuer}\n2025年12月22日"
    return {f.as_written: f.program for f in extract(document_from_text(text)).figures}


def _words() -> dict[str, dict[str, set[str]]]:
    """program -> bureau file -> the words that file gives it (its name when it lists none)."""
    folder = resources.files("gongwen.extract").joinpath("data/vocab")
    out: dict[str, dict[str, set[str]]] = {}
    for f in folder.iterdir():
        if not f.name.endswith(".yaml") or f.name.startswith("_"):
            continue
        for name, spec in (package_yaml("gongwen.extract", f"data/vocab/{f.name}").get("programs") or {}).items():
            words = set((spec or {}).get("aliases") or ()) | {name}
            out.setdefault(name, {})[f.name[:-5]] = words
    return out


def test_no_two_programs_are_each_others_word() -> None:
    words = {p: set().union(*by_file.values()) for p, by_file in _words().items()}
    twice = sorted((a, b) for a in words for b in words
                   if a < b and a in words[b] and b in words[a] and frozenset({a, b}) not in APART)
    assert twice == []


def test_a_specialised_body_names_the_line_bureaus_program() -> None:
    p = _programs("青禾县委政法委员会", "全年排查化解矛盾纠纷3,140件，化解率97.2%。")
    assert (p["3,140件"], p["97.2%"]) == ("矛盾纠纷排查化解", "矛盾纠纷排查化解")
    p = _programs("青禾县园林绿化局", "新增挂牌保护古树名木86株；全民义务植树尽责率达到81%。")
    assert (p["86株"], p["81%"]) == ("古树名木保护", "全民义务植树")


def test_the_old_names_stay_words_of_the_program() -> None:
    for bureau, old, new in [("zhengfa", "矛盾纠纷化解", "矛盾纠纷排查化解"), ("yuanlin", "古树名木", "古树名木保护"),
                             ("yuanlin", "义务植树", "全民义务植树"), ("rongmeiti", "人才队伍", "队伍建设"),
                             ("fangguan", "房地产开发", "房地产开发投资")]:
        v = load_vocab(bureau)
        assert v.alias_map[old] == new and old not in v.programs, (bureau, old)
