"""Autogenerate a client migration: python tools/make_migration.py REV_ID "message" [HEAD].

HEAD (default: the current head) is the revision it follows.
"""

import sys
import tempfile
from pathlib import Path

from alembic import command

from app.models.db import alembic_config, make_engine, migrate

rev_id, message = sys.argv[1], sys.argv[2]
head = sys.argv[3] if len(sys.argv) > 3 else "heads"
with tempfile.TemporaryDirectory() as tmp:
    engine = make_engine(Path(tmp) / "t.db")
    migrate(engine)
    cfg = alembic_config()
    cfg.set_main_option("sqlalchemy.url", str(engine.url))
    command.revision(cfg, message=message, autogenerate=True, rev_id=rev_id, head=head)
