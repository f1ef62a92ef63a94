"""Changes and growth: 由 A 提高至 B, comparisons with last year, changes and growth rates
stated apart."""
