"""Entry point of the frozen program: the same ``shuwu`` CLI (GUI by default)."""

import multiprocessing
import sys

from app.cli.main import main

if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(main())
