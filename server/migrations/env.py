"""Alembic environment for the county server database; run by server.migrate.upgrade."""

from alembic import context

import server.models  # noqa: F401
import server.copycat.models  # noqa: F401  (h15b: copycat tables, so autogenerate keeps them)
import server.console.models  # noqa: F401  (county console tables, s0003_h18)
from server.models import Base

config = context.config
target_metadata = Base.metadata


def run() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        from sqlalchemy import create_engine

        engine = create_engine(config.get_main_option("sqlalchemy.url") or "")
        with engine.begin() as conn:
            context.configure(connection=conn, target_metadata=target_metadata,
                              render_as_batch=True, version_table="server_alembic_version")
            context.run_migrations()
        return
    context.configure(connection=connection, target_metadata=target_metadata,
                      render_as_batch=True, version_table="server_alembic_version")
    context.run_migrations()


run()
