"""gongwen/check/ in sub-packages along the pipeline (session 14, engineer S): the public API
stays where it was, each stage is importable by its new path, and the data the modules read
is found from their new places."""

from __future__ import annotations

import importlib
from pathlib import Path

import gongwen
import gongwen.check

STAGES = {
    "reading": ["textindex", "mentions", "distinct", "relations"],
    "sums": ["subsets", "totals", "classified", "classes", "enumerated", "named_parts", "flows", "remainders",
             "stock_flows", "new_classes", "brackets", "closed_lists", "rate_gaps", "rest_of_year", "among", "carried"],
    "proportions": ["rates", "shares", "named_shares", "counted_rates", "bases", "per_capita",
                    "completions", "operands", "days", "multiples", "levels", "named_ratios", "each_levels", "whole_counts",
                    "stem_wholes"],
    "growth": ["changes", "comparisons", "implied"],
    "repeats": ["facts", "restated", "restated_periods", "sectioned", "levelled", "naming", "moments",
                "restated_growths", "counted_nouns", "table_wholes", "told_pairs"],
    "tabular": ["tables", "columns", "rowshares"],
    "evaluation": ["intervals", "rules", "ratios", "verdicts", "slips", "docrules", "findings"],
    "output": ["render_text", "html", "sarif", "annotate"],
}


def test_the_public_api_stays_on_the_package() -> None:
    assert sorted(gongwen.check.__all__) == ["Finding", "Relation", "Report", "check", "check_extraction", "codes"]
    assert callable(gongwen.check)
    assert gongwen.check.Finding is importlib.import_module("gongwen.check.evaluation.findings").Finding
    assert importlib.import_module("gongwen.check.cli").check_cmd.name == "check"


def test_every_module_lives_in_its_stage_and_none_is_left_flat() -> None:
    root = Path(gongwen.check.__file__).parent
    flat = sorted(p.stem for p in root.glob("*.py"))
    assert flat == ["__init__", "cli", "engine"]
    for stage, modules in STAGES.items():
        assert sorted(p.stem for p in (root / stage).glob("*.py") if p.stem != "__init__") == sorted(modules)
        for m in modules:
            importlib.import_module(f"gongwen.check.{stage}.{m}")


def test_the_vocabulary_and_the_codes_are_read_from_check_data() -> None:
    from gongwen.check.evaluation.findings import code_info
    from gongwen.check.evaluation.intervals import DATA, vocab

    assert Path(gongwen.check.__file__).parent / "data" == DATA
    assert (DATA / "vocab.yaml").is_file() and (DATA / "codes.yaml").is_file()
    assert "subject_prefixes" in vocab()
    assert code_info("GW101").code == "GW101"
