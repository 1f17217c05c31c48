"""This computer's standing with the county, below the services and the sync engine.

- ``state``: the keys of ``sync_state`` (server address, device id, epoch, cursor...), typed
  accessors, and the epoch bookkeeping after a restore;
- ``credentials``: the device token (keychain or an owner-only file);
- ``branch``: the branch this computer serves (one function, ``branch_code``);
- ``transport``: the one HTTP client for every call to the county, with one mapping of errors;
- ``enrol``: enrolment with a one-time code, and the training/production guard.
- ``settings``: the profile's ``app_setting`` values (language, font size, training mode);
  ``app.services.settings`` re-exports it.

It imports ``app.models``, ``app.profile`` and ``shuwu_shared`` only; services and the sync
engine import it, never the other way round (``tests/foundation/test_layers.py``).
"""
