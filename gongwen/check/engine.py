"""The checking pipeline: index the text, discover relations, evaluate, add document rules."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from ..figure import Extraction, Figure
from ..model import Document
from .evaluation.docrules import (
    bounded_rates,
    count_integers,
    cumulative,
    heading_numbering,
    multiple_wording,
    number_format,
    ocr_unsure,
    period_coherence,
    scale_slips,
)
from .evaluation.findings import Finding, Report
from .evaluation.rules import evaluate
from .growth.changes import common_deltas, on_comparable_basis, respective_changes, stated_changes
from .growth.comparisons import comparisons, old_values_apart, target_growth
from .growth.implied import changes_apart, growths_apart, rate_parts
from .proportions.days import day_shares, per_day_levels
from .proportions.levels import derived_growth, months_of_cover, ratio_levels
from .proportions.multiples import multiples
from .proportions.named_ratios import named_ratios
from .proportions.per_capita import table_per_ratios
from .proportions.rates import stated_rates
from .proportions.shares import structure_sums, summed_shares
from .proportions.whole_counts import unstated_wholes
from .reading.relations import Candidate
from .reading.textindex import TextIndex
from .repeats.facts import same_fact, section_sums, subject_of
from .repeats.levelled import restated_rates, unsaid
from .repeats.restated import restated_completions, restated_rows, restated_tables, table_balances
from .repeats.restated_periods import restated_period_tables
from .repeats.table_wholes import restated_wholes, row_mates
from .repeats.told_pairs import told_pairs
from .sums.carried import carried_stocks
from .sums.classes import classes_apart
from .sums.classified import classified_breakdowns, listed_breakdowns, respective_breakdowns
from .sums.enumerated import enumerated_wholes
from .sums.flows import (
    among,
    balances,
    named_lists,
    new_in_change,
    new_within_total,
    period_flows,
    rest_of_year,
)
from .sums.named_parts import (
    composed_wholes,
    flows_within_stocks,
    gaps_named_apart,
    gaps_to_target,
    nested_thresholds,
    net_of_flows,
    parts_of_named_whole,
    period_within_cumulative,
    stages_within,
)
from .sums.new_classes import new_in_class_stock
from .sums.rate_gaps import point_gaps
from .sums.remainders import left_of_related, pending_before, pending_shares, remainders, rest_of_whole
from .sums.stock_flows import stocks_of_flows
from .sums.subsets import bracket_breakdowns, subset_lists
from .sums.totals import breakdown_totals, distant_totals, named_sums, stated_totals
from .tabular.rowshares import table_row_shares
from .tabular.tables import table_relations


def check_extraction(ext: Extraction) -> Report:
    """All findings for an extraction, in text order of their primary location (passing checks
    included)."""
    return Report(findings=tuple(run(ext.document, ext.figures)), path=ext.document.source.path,
                  text=ext.document.text, figures=tuple(ext.figures), source=ext.document.source)


def run(doc: Document, figures: Iterable[Figure]) -> list[Finding]:
    """Discover and evaluate every relation of a document; document-level rules last."""
    figures = [_evidenced(_base_unit(f)) for f in figures]
    idx = TextIndex(doc.text, figures)
    findings: list[Finding] = []
    roles: dict[str, str] = {}
    for cand in [*discover(idx), *stated_rates(idx), *comparisons(idx), *target_growth(idx),
                 *changes_apart(idx), *day_shares(idx), *per_day_levels(idx),
                 *table_relations(doc, figures)]:
        if cand.kind in ("sum", "subset"):
            for p in cand.parts:
                roles[p.id or str(p.span)] = "part"
        cand = on_comparable_basis(idx, cand)
        found = _kept(cand, evaluate(cand, idx))
        findings += found
        for implied in rate_parts(cand, found):
            findings += _kept(implied, evaluate(implied, idx))
    for cand in [*balances(idx, roles), *new_within_total(idx), *parts_of_named_whole(idx),
                 *period_within_cumulative(idx), *gaps_named_apart(idx), *gaps_to_target(idx),
                 *flows_within_stocks(idx), *stages_within(idx), *net_of_flows(idx), *nested_thresholds(idx),
                 *point_gaps(idx), *among(idx), *rest_of_year(idx),
                 *new_in_change(idx), *stocks_of_flows(idx), *carried_stocks(idx), *new_in_class_stock(idx), *(c for c in named_lists(idx) if not _said(c, findings)), *remainders(idx), *pending_before(idx), *rest_of_whole(idx),
                 *pending_shares(idx),
                 *enumerated_wholes(idx), *classes_apart(idx), *period_flows(idx), *structure_sums(idx), *table_per_ratios(idx, figures),
                 *summed_shares(idx), *months_of_cover(idx, figures), *named_ratios(idx, figures), *old_values_apart(idx, figures),
                 *(c for c in distant_totals(idx) if not _said(c, findings)),
                 *(c for c in breakdown_totals(idx) if not _said(c, findings)),
                 *(c for c in named_sums(idx) if not _said(c, findings)),
                 *(c for c in growths_apart(idx) if not _rated(c, findings)),
                 *table_balances(doc, idx, figures), *table_row_shares(doc, idx, figures),
                 *composed_wholes(doc, idx, figures), *section_sums(idx, roles)]:
        found = _kept(cand, evaluate(cand, idx))
        findings += found
        for implied in rate_parts(cand, found):
            findings += _kept(implied, evaluate(implied, idx))
    # what is left of a whole and a part that any relation above paired (its words may be far away)
    for cand in list(left_of_related(idx, findings)):
        findings += _kept(cand, evaluate(cand, idx))
    findings += [f for f in unstated_wholes(idx) if not _spoken_of(f.figures[-1], findings)]
    findings += list(bounded_rates(idx))
    findings += list(count_integers(idx))
    findings += list(ocr_unsure(idx))
    findings += list(multiple_wording(idx))
    findings += list(number_format(idx))
    findings += list(same_fact(idx, roles))
    findings += list(unsaid(restated_rates(idx), findings))
    findings += list(restated_tables(doc, idx, figures))
    findings += list(restated_completions(doc, idx, figures))
    findings += list(restated_period_tables(doc, idx, figures))
    findings += list(restated_rows(doc, idx, figures))
    findings += list(restated_wholes(doc, idx, figures, findings))
    findings += list(row_mates(doc, idx, figures, findings))
    findings += list(told_pairs(idx, findings))
    findings += list(cumulative(idx))
    findings += list(multiples(idx))
    subjects = {id(f): subject_of(idx, f) for f in idx.figures if f.unit == "元"}
    findings += list(scale_slips(idx, subjects))
    findings += list(heading_numbering(doc, idx))
    findings += list(period_coherence(doc, idx))
    return _dedupe(sorted(findings, key=_order))


def discover(idx: TextIndex) -> list[Candidate]:
    """Every explicit relation in a text, in text order of their first operand."""
    out: list[Candidate] = []
    out += list(bracket_breakdowns(idx))
    out += list(subset_lists(idx))
    out += list(listed_breakdowns(idx))
    out += list(classified_breakdowns(idx))
    out += list(respective_breakdowns(idx))
    out += list(stated_totals(idx))
    out += list(stated_changes(idx))
    out += list(respective_changes(idx))
    out += list(common_deltas(idx))
    out += list(ratio_levels(idx))
    out += list(derived_growth(idx))
    out.sort(key=lambda c: min((f.span.start for f in c.figures), default=0))
    return out



def _kept(cand: Candidate, found: list[Finding]) -> list[Finding]:
    """A relation found by name only (``confirm_only``) verifies when it holds and says nothing
    when it does not: the name may pair two figures that are not one whole and its parts.  Where
    the text itself makes the pairing (``anchored``: a change and its rate side by side), a miss
    that one misprint of one figure explains is reported still: no other pairing is meant; and
    wherever the pairing came from, a sum or difference that two swapped digits of one figure make
    hold (1,137 所 for 1,173 所): no pairing of other figures fits so, the relation is meant, and wrong."""
    if not cand.params.get("confirm_only"):
        return found
    return [f for f in found if f.status == "consistent"
            or cand.params.get("anchored") and f.status == "inconsistent" and f.severity in ("error", "warning")
            and bool({"transposition", "misprint"} & set(f.relation.hints))
            or cand.kind in _EXACT and f.status == "inconsistent" and "transposition" in f.relation.hints]


# relations of stated figures added or subtracted: a swap that makes one hold does so exactly, not
# within a rate's rounding window (213.90 read as 213.09 fits 51.6 % as well as 51.84 % does)
_EXACT = ("sum", "subset", "diff")


def _said(cand: Candidate, findings: list[Finding]) -> bool:
    """A relation found by search that a finding of its code already verifies on the same figures
    (a list and its total read by their cue before): no second finding."""
    ids = {f.id for f in cand.figures if f.id}
    return any(f.code == cand.code and f.status == "consistent" and {g.id for g in f.figures if g.id} == ids
               for f in findings)


def _spoken_of(share: Figure, findings: list[Finding]) -> bool:
    """A share some relation already reads (its whole found or named): checked there, once."""
    return any(f.code in ("GW107", "GW122", "GW123") and any(g.span == share.span for g in f.figures)
               for f in findings)


def _rated(cand: Candidate, findings: list[Finding]) -> bool:
    """A growth rate found by search that a finding of a change already reads (its own sentence's
    old value): no second reading."""
    rate = cand.parts[-1]
    return any(f.code in ("GW104", "GW105", "GW124") and any(g.span == rate.span for g in f.figures)
               for f in findings)


def _base_unit(f: Figure) -> Figure:
    """套(间) counts 套: a bracketed alternative of a unit is no other unit (the sum of 1,320 套
    and 560 套(间) is in 套)."""
    base = re.sub(r"[（(][^）)]*[）)]$", "", f.unit)
    return replace(f, unit=base) if base and base != f.unit else f


def _evidenced(f: Figure) -> Figure:
    """A figure as the checker weighs it: a program only the figure's own metric names (a new
    bureau's figure no vocabulary word nor heading files) restates the metric, so it is no evidence
    that two figures are of one work or of two — the checker reads it as none."""
    return replace(f, program=None, program_from=None) if f.program_from == "metric" else f


def _order(f: Finding) -> tuple[int, int, str]:
    """Document order of the primary location (the span a reader is sent to, the section the
    finding is filed under), so the report's section groups follow the text without repeats."""
    start = f.spans[0].start if f.spans else 0
    return (start, min((s.start for s in f.spans), default=start), f.code)


def _dedupe(findings: list[Finding]) -> list[Finding]:
    """Drop repeats of the same check on the same spans (a relation found by two cues)."""
    seen: set[tuple[str, tuple[tuple[int, int], ...]]] = set()
    out = []
    for f in findings:
        key = (f.code, tuple(sorted((s.start, s.end) for s in f.spans)))
        if key in seen:
            continue
        seen.add(key)
        out.append(f)
    return out
