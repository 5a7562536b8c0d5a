"""The repository on both databases: what a caller stores comes back, owners see only their own cases,
every read and change is audited, and no token is stored in a form that could be used."""

from __future__ import annotations

import pytest
from sqlalchemy import select, text

from spinemets.store.repository import TOKEN_PREFIX, hash_secret
from spinemets.store.tables import ApiToken

CASE = {"title": "a case", "lesions": [{"level": "C6", "neural_compression": True}], "notes": ["kept as given"]}


def test_a_token_is_shown_once_and_stored_only_as_its_hash(repository):
    record, secret = repository.create_token("ward 3")
    assert secret.startswith(TOKEN_PREFIX) and len(secret) > 40
    assert repository.token_for_secret(secret) == record
    assert repository.token_for_secret(secret + "x") is None
    assert repository.token_for_secret("") is None
    with repository.engine.connect() as connection:
        stored = connection.execute(select(ApiToken.secret_sha256, ApiToken.name)).all()
    assert stored == [(hash_secret(secret), "ward 3")]
    assert all(secret not in str(row) for row in stored)


def test_a_stored_case_comes_back_as_it_was_given(repository):
    owner, _ = repository.create_token("a")
    created = repository.create_case(owner, CASE, "a case", analysis={"scores": {"x": 1}}, version="9.9")
    again = repository.get_case(owner, created.id)
    assert again.case == CASE and again.title == "a case" and again.analysis_count == 1
    assert again.created_at.tzinfo is not None
    [analysis] = repository.analyses(owner, created.id)
    assert analysis.analysis == {"scores": {"x": 1}} and analysis.spinemets_version == "9.9"


def test_updates_add_to_the_history_in_order(repository):
    owner, _ = repository.create_token("a")
    created = repository.create_case(owner, CASE, "v1", analysis={"n": 1})
    changed = dict(CASE, title="v2")
    updated = repository.update_case(owner, created.id, changed, "v2", analysis={"n": 2})
    repository.add_analysis(owner, created.id, {"n": 3}, "x")
    assert updated.case == changed and updated.title == "v2" and updated.updated_at >= created.updated_at
    assert [a.analysis["n"] for a in repository.analyses(owner, created.id)] == [1, 2, 3]
    assert repository.list_cases(owner)[0].analysis_count == 3


def test_another_owner_cannot_see_change_or_delete_a_case(repository):
    owner, _ = repository.create_token("owner")
    stranger, _ = repository.create_token("stranger")
    created = repository.create_case(owner, CASE, "mine", analysis={})
    assert repository.get_case(stranger, created.id) is None
    assert repository.update_case(stranger, created.id, {}, "x") is None
    assert repository.add_analysis(stranger, created.id, {}, "x") is None
    assert repository.analyses(stranger, created.id) is None
    assert repository.delete_case(stranger, created.id) is False
    assert repository.audit_trail(stranger, created.id) is None
    assert repository.list_cases(stranger) == []
    assert repository.get_case(owner, created.id).case == CASE


def test_delete_removes_the_case_and_its_analyses_but_keeps_the_audit_trail(repository):
    owner, _ = repository.create_token("a")
    created = repository.create_case(owner, CASE, None, analysis={"n": 1})
    assert repository.delete_case(owner, created.id) is True
    assert repository.get_case(owner, created.id) is None
    assert repository.delete_case(owner, created.id) is False
    with repository.engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM analyses")).scalar() == 0
    assert [e.action for e in repository.audit_trail(owner, created.id)] == ["create", "delete"]


def test_the_audit_trail_names_who_did_what_and_when(repository):
    owner, _ = repository.create_token("dr a")
    created = repository.create_case(owner, CASE, None, analysis={})
    repository.get_case(owner, created.id)
    repository.update_case(owner, created.id, CASE, None)
    events = repository.audit_trail(owner, created.id)
    assert [(e.token_name, e.action) for e in events] == [("dr a", "create"), ("dr a", "read"), ("dr a", "update")]
    assert events[0].at <= events[1].at <= events[2].at


def test_cases_list_newest_first_with_paging(repository):
    owner, _ = repository.create_token("a")
    ids = [repository.create_case(owner, CASE, f"case {i}").id for i in range(5)]
    listed = repository.list_cases(owner, limit=3)
    assert [c.id for c in listed] == ids[::-1][:3]
    assert [c.id for c in repository.list_cases(owner, limit=3, offset=3)] == ids[::-1][3:]


def test_migrations_build_exactly_the_tables_the_code_uses(repository):
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from spinemets.store.migrate import current_revision
    from spinemets.store.tables import Base

    assert current_revision(repository.engine) == "0001"
    with repository.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert differences == []


def test_sqlite_runs_in_wal_mode_with_full_sync(tmp_path):
    from spinemets.store.repository import Repository

    repo = Repository.open(f"sqlite:///{tmp_path / 'x.db'}")
    with repo.engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
    repo.close()


@pytest.mark.parametrize("url", ["mysql://x@y/z", "not a url at all"])
def test_an_unsupported_database_url_is_refused_clearly(url):
    from spinemets.errors import InputError
    from spinemets.store.database import open_engine

    with pytest.raises(InputError) as caught:
        open_engine(url)
    assert caught.value.problems[0].field == "SPINEMETS_DATABASE_URL"
    assert "postgresql" in caught.value.problems[0].allowed


def test_an_unreachable_database_is_an_input_error_without_the_password():
    from spinemets.errors import InputError
    from spinemets.store.repository import Repository

    with pytest.raises(InputError) as caught:
        Repository.open("postgresql://someone:hunter2@127.0.0.1:1/none")
    problem = caught.value.problems[0]
    assert problem.field == "SPINEMETS_DATABASE_URL" and "hunter2" not in str(caught.value)
    assert "cannot open" in problem.message
