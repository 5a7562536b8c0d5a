"""Every read and write the service makes, each in its own transaction, returning plain records.

Ownership is enforced here, not in the routes: a case that belongs to another token is simply not found.
Every read or change of a case writes an audit event in the same transaction as the change itself.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
import uuid
from dataclasses import dataclass
from typing import Any, Iterator

from sqlalchemy import Engine, func, select, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from ..errors import InputError, Problem
from .database import open_engine
from .migrate import upgrade
from .tables import ApiToken, AuditEvent, StoredAnalysis, StoredCase, utc_now

TOKEN_PREFIX = "smt_"


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class TokenRecord:
    id: int
    name: str


@dataclass(frozen=True)
class CaseRecord:
    id: str
    title: str | None
    case: dict[str, Any]
    created_at: dt.datetime
    updated_at: dt.datetime
    analysis_count: int
    source_text: str | None = None

    def summary(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "created_at": self.created_at.isoformat(),
                "updated_at": self.updated_at.isoformat(), "analysis_count": self.analysis_count}


@dataclass(frozen=True)
class AnalysisRecord:
    id: int
    case_id: str
    created_at: dt.datetime
    spinemets_version: str
    analysis: dict[str, Any]


@dataclass(frozen=True)
class AuditRecord:
    at: dt.datetime
    token_name: str
    action: str
    case_id: str


def _aware(moment: dt.datetime) -> dt.datetime:
    # SQLite hands datetimes back without a zone; everything we store is UTC.
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.timezone.utc)


class Repository:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @classmethod
    def open(cls, url: str, *, migrate: bool = True) -> "Repository":
        """Open (and by default migrate) the database; an unreachable one is an InputError naming the URL."""
        engine = open_engine(url)
        try:
            if migrate:
                upgrade(engine)
            else:
                with engine.connect():
                    pass
        except OperationalError as exc:
            engine.dispose()
            reason = str(exc.orig).strip().splitlines()[0] if exc.orig else type(exc).__name__
            raise InputError([Problem("SPINEMETS_DATABASE_URL", engine.url.render_as_string(hide_password=True),
                                      "a database this process can reach and write", f"cannot open: {reason}")]
                             ) from None
        return cls(engine)

    def ping(self) -> None:
        """Raise if the database cannot answer."""
        with self.engine.connect() as connection:
            connection.execute(text("SELECT 1"))

    def close(self) -> None:
        self.engine.dispose()

    def _session(self) -> Session:
        return self._sessions()

    # --- tokens ----------------------------------------------------------------------------------------
    def create_token(self, name: str) -> tuple[TokenRecord, str]:
        """A new token; the secret is returned once and only its hash is kept."""
        secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
        with self._session() as session, session.begin():
            row = ApiToken(name=name, secret_sha256=hash_secret(secret))
            session.add(row)
            session.flush()
            record = TokenRecord(row.id, row.name)
        return record, secret

    def token_for_secret(self, secret: str) -> TokenRecord | None:
        if not secret.startswith(TOKEN_PREFIX) or len(secret) > 200:
            return None
        with self._session() as session:
            row = session.scalar(select(ApiToken).where(ApiToken.secret_sha256 == hash_secret(secret),
                                                        ApiToken.revoked_at.is_(None)))
            return TokenRecord(row.id, row.name) if row else None

    def list_tokens(self) -> list[TokenRecord]:
        with self._session() as session:
            return [TokenRecord(r.id, r.name) for r in session.scalars(select(ApiToken).order_by(ApiToken.id))]

    # --- cases -----------------------------------------------------------------------------------------
    def _owned(self, session: Session, owner: TokenRecord, case_id: str) -> StoredCase | None:
        row = session.get(StoredCase, case_id)
        return row if row is not None and row.owner_id == owner.id else None

    @staticmethod
    def _audit(session: Session, who: TokenRecord, action: str, case_id: str) -> None:
        session.add(AuditEvent(token_id=who.id, token_name=who.name, action=action, case_id=case_id))

    @staticmethod
    def _record(row: StoredCase, count: int) -> CaseRecord:
        return CaseRecord(row.id, row.title, row.case_json, _aware(row.created_at), _aware(row.updated_at), count,
                          row.source_text)

    def _count(self, session: Session, case_id: str) -> int:
        return session.scalar(select(func.count(StoredAnalysis.id)).where(StoredAnalysis.case_id == case_id)) or 0

    def create_case(self, owner: TokenRecord, case: dict[str, Any], title: str | None,
                    analysis: dict[str, Any] | None = None, version: str = "",
                    source_text: str | None = None) -> CaseRecord:
        with self._session() as session, session.begin():
            now = utc_now()
            row = StoredCase(id=str(uuid.uuid4()), owner_id=owner.id, title=title, case_json=case,
                             source_text=source_text, created_at=now, updated_at=now)
            session.add(row)
            session.flush()
            if analysis is not None:
                session.add(StoredAnalysis(case_id=row.id, spinemets_version=version, analysis_json=analysis))
            self._audit(session, owner, "create", row.id)
            return self._record(row, 1 if analysis is not None else 0)

    def list_cases(self, owner: TokenRecord, *, limit: int = 100, offset: int = 0) -> list[CaseRecord]:
        with self._session() as session:
            counts = (select(StoredAnalysis.case_id, func.count(StoredAnalysis.id).label("n"))
                      .group_by(StoredAnalysis.case_id).subquery())
            rows = session.execute(
                select(StoredCase, func.coalesce(counts.c.n, 0))
                .outerjoin(counts, counts.c.case_id == StoredCase.id)
                .where(StoredCase.owner_id == owner.id)
                .order_by(StoredCase.created_at.desc(), StoredCase.id).limit(limit).offset(offset))
            return [self._record(row, n) for row, n in rows]

    def owns(self, owner: TokenRecord, case_id: str) -> bool:
        with self._session() as session:
            return self._owned(session, owner, case_id) is not None

    def get_case(self, owner: TokenRecord, case_id: str, *, action: str | None = "read") -> CaseRecord | None:
        """The case, audited as `action` (None: the caller audits the step it is part of)."""
        with self._session() as session, session.begin():
            row = self._owned(session, owner, case_id)
            if row is None:
                return None
            if action is not None:
                self._audit(session, owner, action, case_id)
            return self._record(row, self._count(session, case_id))

    def update_case(self, owner: TokenRecord, case_id: str, case: dict[str, Any], title: str | None,
                    analysis: dict[str, Any] | None = None, version: str = "") -> CaseRecord | None:
        with self._session() as session, session.begin():
            row = self._owned(session, owner, case_id)
            if row is None:
                return None
            row.case_json = case
            row.title = title
            row.source_text = None  # an edited case no longer rests on the note it came from
            row.updated_at = utc_now()
            if analysis is not None:
                session.add(StoredAnalysis(case_id=row.id, spinemets_version=version, analysis_json=analysis))
            self._audit(session, owner, "update", case_id)
            session.flush()
            return self._record(row, self._count(session, case_id))

    def delete_case(self, owner: TokenRecord, case_id: str) -> bool:
        with self._session() as session, session.begin():
            row = self._owned(session, owner, case_id)
            if row is None:
                return False
            session.delete(row)
            self._audit(session, owner, "delete", case_id)
            return True

    # --- analyses --------------------------------------------------------------------------------------
    def add_analysis(self, owner: TokenRecord, case_id: str, analysis: dict[str, Any],
                     version: str) -> AnalysisRecord | None:
        with self._session() as session, session.begin():
            if self._owned(session, owner, case_id) is None:
                return None
            row = StoredAnalysis(case_id=case_id, spinemets_version=version, analysis_json=analysis)
            session.add(row)
            self._audit(session, owner, "analyze", case_id)
            session.flush()
            return AnalysisRecord(row.id, case_id, _aware(row.created_at), version, analysis)

    def analyses(self, owner: TokenRecord, case_id: str, *, action: str | None = "read"
                 ) -> list[AnalysisRecord] | None:
        """The case's analyses, oldest first; None if the case is not this owner's. Audited as `action`."""
        with self._session() as session, session.begin():
            if self._owned(session, owner, case_id) is None:
                return None
            if action is not None:
                self._audit(session, owner, action, case_id)
            rows = session.scalars(select(StoredAnalysis).where(StoredAnalysis.case_id == case_id)
                                   .order_by(StoredAnalysis.id))
            return [AnalysisRecord(r.id, r.case_id, _aware(r.created_at), r.spinemets_version, r.analysis_json)
                    for r in rows]

    # --- audit -----------------------------------------------------------------------------------------
    def audit_trail(self, owner: TokenRecord, case_id: str) -> list[AuditRecord] | None:
        """Who touched the case and when, oldest first (the owner may read the trail of a deleted case)."""
        with self._session() as session:
            owned = self._owned(session, owner, case_id) is not None
            events = list(session.scalars(select(AuditEvent).where(AuditEvent.case_id == case_id)
                                          .order_by(AuditEvent.id)))
            if not owned and not any(e.token_id == owner.id for e in events):
                return None
            return [AuditRecord(_aware(e.at), e.token_name, e.action, e.case_id) for e in events]

    def iter_all_case_ids(self) -> Iterator[str]:
        with self._session() as session:
            yield from session.scalars(select(StoredCase.id).order_by(StoredCase.id))
