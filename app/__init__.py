"""Shuwu (书屋): the desktop tool of a county library network's village bookrooms."""

APP_NAME = "Shuwu"
APP_ORG = "Shuwu"
