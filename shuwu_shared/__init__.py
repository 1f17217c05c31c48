"""Code shared by the village client (app) and the county server (server).

It imports neither of them (tests/contract/test_shared_imports.py enforces it), so both sides
agree on one definition of the wire protocol without depending on each other.
"""
