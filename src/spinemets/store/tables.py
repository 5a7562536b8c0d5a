"""The stored tables: API tokens (hashed), cases with their owner, each case's analyses, the audit log.

The case and each analysis are kept as JSON documents: the case model owns their shape and validates them
on the way in, so the database does not second-guess it.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


class Base(DeclarativeBase):
    pass


class ApiToken(Base):
    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    # SHA-256 of the secret: tokens are 256 random bits, so a fast hash is enough and lookups stay indexed.
    secret_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
    revoked_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class StoredCase(Base):
    __tablename__ = "cases"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("api_tokens.id", ondelete="RESTRICT"), index=True)
    title: Mapped[str | None] = mapped_column(String(300), nullable=True)
    case_json: Mapped[dict] = mapped_column(JSON)
    # The clinical note the case was extracted from, when it came from text (kept to show the evidence).
    source_text: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utc_now)

    analyses: Mapped[list["StoredAnalysis"]] = relationship(
        back_populates="case", cascade="all, delete-orphan", passive_deletes=True,
        order_by="StoredAnalysis.id")


class StoredAnalysis(Base):
    __tablename__ = "analyses"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
    spinemets_version: Mapped[str] = mapped_column(String(40))
    analysis_json: Mapped[dict] = mapped_column(JSON)

    case: Mapped[StoredCase] = relationship(back_populates="analyses")


class AuditEvent(Base):
    """Who did what to which case, and when. Holds identifiers only, never patient text."""

    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
    token_id: Mapped[int] = mapped_column(Integer)
    token_name: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(20))
    case_id: Mapped[str] = mapped_column(String(36))

    __table_args__ = (Index("ix_audit_case", "case_id", "at"),)
