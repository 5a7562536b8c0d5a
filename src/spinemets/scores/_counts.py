"""Count buckets of the prognostic tables ('>= 3', '1-2', '0'), widened toward 'more' when a count is only a
lower bound (staging incomplete): an unseen metastasis can only add to a count, never remove one."""

from __future__ import annotations


def bucket_options(
    count_min: int, exact: bool, buckets: list[tuple[str, int, int | None]]
) -> tuple[str, ...]:
    """Options whose [low, high] count span can still hold the true count.

    `buckets`: (option, low, high or None for no upper end)."""
    out = []
    for option, low, high in buckets:
        top = high if high is not None else 10**9
        if exact:
            if low <= count_min <= top:
                out.append(option)
        elif top >= count_min:
            out.append(option)
    return tuple(out)
