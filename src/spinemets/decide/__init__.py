"""Recommendations (NOMS, surgical considerations): the only layer that recommends."""
