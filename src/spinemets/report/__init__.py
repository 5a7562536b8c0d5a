"""Renderings of an analysis: terminal (rich), and later HTML and PDF."""
