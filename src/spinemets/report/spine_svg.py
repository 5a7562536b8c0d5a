"""The spine as an SVG column, C1 to the coccyx: involved, fractured and compressing levels coloured.

Shared by the standalone report and the web page (which receives it from the API layer), so the picture
is drawn in one place. Each level is a <g> with data-level and data-state, so tests and scripts can read it.
"""

from __future__ import annotations

from html import escape

from ..anatomy import Vertebra
from ..case import Case

# Worst finding wins the colour: compression over fracture over involvement.
STATES = {
    "compressing": ("#c62828", "cord/cauda compression"),
    "fractured": ("#ef6c00", "fracture or collapse"),
    "involved": ("#f9a825", "involved"),
    "clear": ("#e0e0e0", "no lesion recorded"),
}
_ROW = 17
_TOP = 28


def level_state(case: Case, level: Vertebra) -> str:
    lesion = case.lesion_at(level)
    if lesion is None:
        return "clear"
    if lesion.compressing:
        return "compressing"
    if lesion.fractured:
        return "fractured"
    return "involved"


def spine_svg(case: Case) -> str:
    levels = list(Vertebra)
    height = _TOP + _ROW * len(levels) + 8 + _ROW * len(STATES)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="spine" role="img" viewBox="0 0 250 {height}" '
             f'width="250" height="{height}" aria-labelledby="spine-title">',
             '<title id="spine-title">Spine diagram: levels with lesions are coloured</title>',
             '<text x="4" y="16" font-size="12" font-weight="bold">Spine</text>']
    for row, level in enumerate(levels):
        state = level_state(case, level)
        fill, meaning = STATES[state]
        y = _TOP + row * _ROW
        width = 38 + min(row, 24)  # vertebral bodies widen towards the lumbar spine
        index = case.index_level == level
        stroke = ' stroke="#000" stroke-width="2"' if index else ' stroke="#9e9e9e" stroke-width="0.5"'
        label = f"{level.name}: {meaning}" + (" (index level)" if index else "")
        parts.append(f'<g class="level level-{state}" data-level="{level.name}" data-state="{state}">'
                     f'<title>{escape(label)}</title>'
                     f'<text x="4" y="{y + 12}" font-size="11">{level.name}</text>'
                     f'<rect x="{88 - width // 2}" y="{y}" width="{width}" height="{_ROW - 3}" rx="3" '
                     f'fill="{fill}"{stroke}/>'
                     + (f'<text x="{92 + width // 2}" y="{y + 12}" font-size="10">index</text>' if index else "")
                     + '</g>')
    y = _TOP + _ROW * len(levels) + 8
    for row, (state, (fill, meaning)) in enumerate(STATES.items()):
        parts.append(f'<g class="legend" data-state="{state}"><rect x="4" y="{y + row * _ROW}" width="12" '
                     f'height="12" fill="{fill}"/><text x="22" y="{y + row * _ROW + 10}" font-size="10">'
                     f'{escape(meaning)}</text></g>')
    parts.append("</svg>")
    return "".join(parts)
