"""Engineer E (wave 20): false alarms of group L and the real pages, each fixed by what the words
say (invented words) — a rate whose name holds words of its own (a narrower base, a condition:
有效投诉按法定时限办结率) is no misprint of the two counts before it."""

from __future__ import annotations

from test_check_r_coverage import _report, _verdicts  # the same invented report head and helpers


def _problems(body: str) -> list[tuple[str, str]]:
    return [(f.code, f.severity) for f in _report(body).problems]


COMPLAINTS = ("全年受理消费投诉2,460件，办结{done}件，挽回经济损失318万元，较上年的276万元增长15.2%，"
              "{name}{r}%。")


def test_a_rate_naming_a_narrower_base_is_no_misprint_of_the_counts_before() -> None:
    # 2,380 ÷ 2,460 = 96.75 %: a rate of 96.8 % one digit away reads as a misprint of a count … unless
    # the rate's name counts only what the two counts do not (有效投诉, 按法定时限)
    body = COMPLAINTS.format(done="2,380", name="有效投诉按法定时限办结率", r="96.6")
    assert _problems(body) == []
    assert _verdicts(body, "GW123") == []
    # named by the counts' own words, the same miss is the text's own pairing, and wrong
    plain = COMPLAINTS.format(done="2,380", name="投诉办结率", r="96.6")
    assert ("GW123", "error") in _problems(plain)
    # and the narrower rate that holds of the two counts is still verified
    held = COMPLAINTS.format(done="2,380", name="有效投诉按法定时限办结率", r="96.7")
    assert _verdicts(held, "GW123") == [("consistent", "info", ("2,380件", "2,460件", "96.7%"))]
