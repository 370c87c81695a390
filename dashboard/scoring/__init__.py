"""Scoring and advice: sub-scores, priority, band, legacy type, flags, advice and trends per group."""
