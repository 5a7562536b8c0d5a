"""The published scores: one small module per score over a shared engine."""
