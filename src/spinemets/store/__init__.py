"""Keeping cases safe: SQLAlchemy 2 tables, Alembic migrations shipped in the package, one repository.

SQLite (WAL, full sync) by default, PostgreSQL by URL. Nothing here knows about HTTP.
"""
