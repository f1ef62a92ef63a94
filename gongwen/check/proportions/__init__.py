"""Rates, shares and levels: 占X的x%, X率 after its two counts, completion of a target,
per-thousand ratios, rates over days, multiples, levels per unit, ratios named by their two
sides (生师比); with the operands a rate may divide."""
