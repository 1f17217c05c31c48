"""The profile's key/value settings: defined in app.device.settings (below the services and the
sync engine), re-exported here for the services and the screens."""

from __future__ import annotations

from app.device.settings import BRANCH_CODE as BRANCH_CODE
from app.device.settings import BRANCH_NAME as BRANCH_NAME
from app.device.settings import FONT_SIZE as FONT_SIZE
from app.device.settings import LANGUAGE as LANGUAGE
from app.device.settings import SIMULATED_DAYS as SIMULATED_DAYS
from app.device.settings import TRAINING_MODE as TRAINING_MODE
from app.device.settings import get as get
from app.device.settings import get_bool as get_bool
from app.device.settings import get_float as get_float
from app.device.settings import is_training as is_training
from app.device.settings import put as put
