"""Recommendations (NOMS, surgical considerations, follow-up): the only layer that recommends.

    decide(case) -> Decision          every rule evaluated (fired / not fired / not evaluable) and the
                                      recommendations a clinician reads (fired or conditional)
    follow_up_plan(case, recs)        what to watch, when, why, and the source of each item

Rules are typed data (rules.Rule) evaluated by engine.py over facts gathered in facts.py.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from .follow_up import follow_up_plan
    from .recommend import Decision, Recommendation, decide

__all__ = ["decide", "Decision", "Recommendation", "follow_up_plan"]


def __getattr__(name: str) -> Any:  # lazy, so importing the package reads no data
    if name in {"decide", "Decision", "Recommendation"}:
        from . import recommend

        return getattr(recommend, name)
    if name == "follow_up_plan":
        from .follow_up import follow_up_plan

        return follow_up_plan
    raise AttributeError(name)
