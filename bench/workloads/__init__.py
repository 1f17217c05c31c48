"""One module per workload; each exposes ``run(ctx) -> list[Figure]``."""
