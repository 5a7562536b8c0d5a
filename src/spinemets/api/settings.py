"""Service settings from environment variables, or from a YAML file named by SPINEMETS_CONFIG.

An environment variable wins over the file. Every setting, its variable and its default:

    SPINEMETS_DATABASE_URL    sqlite:///<data dir>/spinemets.db    (or postgresql://user:pw@host:5432/db)
    SPINEMETS_DATA_DIR        $XDG_DATA_HOME/spinemets or ~/.local/share/spinemets
    SPINEMETS_MAX_BODY_BYTES  1048576 (1 MiB; larger request bodies get 413)
    SPINEMETS_HOST            127.0.0.1
    SPINEMETS_PORT            8000
    SPINEMETS_LOG_LEVEL       info
    SPINEMETS_WORKERS         1 (server processes; each analysis holds one CPU core, so up to the core count)
    SPINEMETS_WARM_UP         1 (load the note extraction pipeline at start, in the background; 0 to skip)
    SPINEMETS_CONFIG          path of a YAML file with the same keys in lower case without the prefix
                              (database_url: ..., max_body_bytes: ...)
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, Mapping

import yaml

from ..errors import InputError, Problem

PREFIX = "SPINEMETS_"


def default_data_dir(env: Mapping[str, str]) -> Path:
    base = env.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "spinemets"


@dataclass(frozen=True)
class Settings:
    database_url: str
    data_dir: Path
    max_body_bytes: int = 1024 * 1024
    host: str = "127.0.0.1"
    port: int = 8000
    log_level: str = "info"
    workers: int = 1
    warm_up: bool = True

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, **overrides: Any) -> "Settings":
        env = os.environ if env is None else env
        values: dict[str, Any] = {}
        config_path = env.get(PREFIX + "CONFIG")
        if config_path:
            values.update(_read_config(Path(config_path)))
        for spec in fields(cls):
            raw = env.get(PREFIX + spec.name.upper())
            if raw not in (None, ""):
                values[spec.name] = raw
        values.update({k: v for k, v in overrides.items() if v is not None})
        data_dir = Path(values.get("data_dir") or default_data_dir(env)).expanduser()
        values["data_dir"] = data_dir
        values.setdefault("database_url", f"sqlite:///{data_dir / 'spinemets.db'}")
        for name in ("max_body_bytes", "port", "workers"):
            if name in values:
                values[name] = _positive_int(name, values[name])
        if "warm_up" in values:
            values["warm_up"] = _flag("warm_up", values["warm_up"])
        return cls(**values)


def _positive_int(name: str, value: Any) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError):
        number = -1
    if number <= 0:
        raise InputError([Problem(PREFIX + name.upper(), value, "a positive whole number", "invalid setting")])
    return number


def _flag(name: str, value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in {"1", "true", "yes", "on"}:
        return True
    if text in {"0", "false", "no", "off"}:
        return False
    raise InputError([Problem(PREFIX + name.upper(), value, "1 or 0 (true or false)", "invalid setting")])


def _read_config(path: Path) -> dict[str, Any]:
    known = {f.name for f in fields(Settings)}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except OSError as exc:
        raise InputError([Problem("SPINEMETS_CONFIG", str(path), "a readable YAML file",
                                  f"cannot read ({exc.strerror})")]) from None
    except yaml.YAMLError:
        raise InputError([Problem("SPINEMETS_CONFIG", str(path), "a YAML mapping", "not valid YAML")]) from None
    if not isinstance(data, dict):
        raise InputError([Problem("SPINEMETS_CONFIG", str(path), "a YAML mapping", "not a mapping")])
    unknown = sorted(set(data) - known)
    if unknown:
        raise InputError([Problem(f"SPINEMETS_CONFIG:{key}", data[key], ", ".join(sorted(known)), "unknown setting")
                          for key in unknown])
    return data
