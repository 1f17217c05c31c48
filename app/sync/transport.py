"""Moved to ``app.device.transport`` (the one HTTP client to the county).

Only ``app/ui`` still imports this name; it is re-exported until the widgets are converted
(another branch edits them), then this module goes.
"""

from app.device.transport import DeviceRevoked

__all__ = ["DeviceRevoked"]
