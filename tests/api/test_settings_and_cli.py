"""Settings from the environment and a config file; `spinemets token create` shows a token once."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from spinemets.api.settings import Settings
from spinemets.errors import InputError

SPINEMETS = str(Path(sys.executable).parent / "spinemets")


def test_defaults_keep_everything_in_a_sqlite_file_under_the_data_dir(tmp_path):
    settings = Settings.from_env({"XDG_DATA_HOME": str(tmp_path)})
    assert settings.database_url == f"sqlite:///{tmp_path / 'spinemets' / 'spinemets.db'}"
    assert (settings.host, settings.port, settings.max_body_bytes) == ("127.0.0.1", 8000, 1024 * 1024)


def test_environment_beats_the_config_file(tmp_path):
    config = tmp_path / "spinemets.yaml"
    config.write_text("port: 9001\nmax_body_bytes: 5000\ndatabase_url: sqlite:///from-file.db\n")
    settings = Settings.from_env({"SPINEMETS_CONFIG": str(config), "SPINEMETS_PORT": "9002"})
    assert (settings.port, settings.max_body_bytes, settings.database_url) == (9002, 5000, "sqlite:///from-file.db")


@pytest.mark.parametrize("env,field", [
    ({"SPINEMETS_PORT": "eighty"}, "SPINEMETS_PORT"),
    ({"SPINEMETS_MAX_BODY_BYTES": "-1"}, "SPINEMETS_MAX_BODY_BYTES"),
    ({"SPINEMETS_WARM_UP": "maybe"}, "SPINEMETS_WARM_UP"),
    ({"SPINEMETS_WORKERS": "0"}, "SPINEMETS_WORKERS"),
])
def test_a_bad_setting_names_its_variable(env, field):
    with pytest.raises(InputError) as caught:
        Settings.from_env(env)
    assert caught.value.problems[0].field == field


def test_an_unknown_key_in_the_config_file_is_an_error(tmp_path):
    config = tmp_path / "c.yaml"
    config.write_text("databse_url: sqlite:///x.db\n")
    with pytest.raises(InputError) as caught:
        Settings.from_env({"SPINEMETS_CONFIG": str(config)})
    assert caught.value.problems[0].field == "SPINEMETS_CONFIG:databse_url"
    assert "database_url" in caught.value.problems[0].allowed


def test_token_create_prints_a_working_token_once_and_stores_only_its_hash(tmp_path):
    url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    env = {"SPINEMETS_DATABASE_URL": url, "PATH": "/usr/bin:/bin"}
    done = subprocess.run([SPINEMETS, "token", "create", "ward-3"], env=env, capture_output=True, text=True,
                          check=True)
    secret = done.stdout.strip()
    assert secret.startswith("smt_") and "ward-3" in done.stderr
    from spinemets.store.repository import Repository

    repo = Repository.open(url)
    assert repo.token_for_secret(secret).name == "ward-3"
    assert secret.encode() not in (tmp_path / "db.sqlite").read_bytes()
    repo.close()


def test_token_create_refuses_an_empty_name(tmp_path):
    env = {"SPINEMETS_DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite'}", "PATH": "/usr/bin:/bin"}
    done = subprocess.run([SPINEMETS, "token", "create", " "], env=env, capture_output=True, text=True)
    assert done.returncode == 2 and "NAME" in done.stderr and "Traceback" not in done.stderr
