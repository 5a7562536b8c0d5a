"""Clinical text to a structured case with provenance; the only place spaCy and medspaCy are imported."""
