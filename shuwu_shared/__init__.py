"""Code shared by the village client (app) and the county server (server).

The typed protocol, domain rules, time, errors, i18n, column types, MARC reading, the USB bundle
format, the report computation and the demo county. It imports neither side
(tests/foundation/test_layers.py enforces it), so both agree on one definition of each.
"""
