"""JSON responses written with the standard library's encoder.

An analysis is ~100 kB of nested plain data; FastAPI's generic encoder walks it object by object and took
as long as the analysis itself (about 9 ms of 20 on the seed case), so routes that return an analysis hand
back this response directly. The data is already JSON-compatible (`Analysis.to_json`).
"""

from __future__ import annotations

import json
from typing import Any

from fastapi.responses import JSONResponse


class PlainJSON(JSONResponse):
    def render(self, content: Any) -> bytes:
        return json.dumps(content, ensure_ascii=False, separators=(",", ":"), default=str).encode("utf-8")
