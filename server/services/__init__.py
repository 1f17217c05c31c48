"""Server-side services shared by ``shuwu-server`` commands and the county console."""
