"""Alembic environment for the client database; run programmatically by app.models.db.migrate."""

from alembic import context

# Import every model module so autogenerate sees all tables.
import app.models.catalog  # noqa: F401
import app.models.circulation  # noqa: F401
import app.models.core  # noqa: F401
import app.models.reports  # noqa: F401
from app.models import Base
from app.models.base import alembic_include_name

config = context.config
target_metadata = Base.metadata

# FTS5 virtual tables (and their shadow tables) are created by hand in migrations.
include_name = alembic_include_name


def run() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        from sqlalchemy import create_engine

        url = config.get_main_option("sqlalchemy.url") or ""
        engine = create_engine(url)
        with engine.begin() as conn:
            context.configure(
                connection=conn,
                target_metadata=target_metadata,
                render_as_batch=True,
                include_name=include_name,
            )
            context.run_migrations()
        return
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        include_name=include_name,
    )
    context.run_migrations()


run()
