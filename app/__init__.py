"""Shuwu (书屋): the desktop tool of a county library network's village bookrooms."""

__version__ = "0.1.0"
APP_NAME = "Shuwu"
APP_ORG = "Shuwu"
