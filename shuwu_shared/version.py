"""The one version number of the client and the server (they ship together)."""

__version__ = "0.1.0"
