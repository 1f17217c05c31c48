"""Benchmarks at county scale (`make bench`; `--quick` for 1/10 scale in CI).

Every figure is reported with a baseline measured in the same run on the same machine (raw
sqlite3 executemany for bulk writes, a raw indexed SELECT for lookups) and the ratio between
them, and written to bench/results.json.
"""
