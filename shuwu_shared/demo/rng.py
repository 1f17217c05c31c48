"""Seeded randomness. Each kind of record draws from its own stream, derived from the seed and
the stream's name, so a stream can be generated on its own (streaming) and adding a field to
readers never changes the books."""

from __future__ import annotations

import random

# RFC 4122 version-4 layout: version nibble 4, variant bits 10.
_VERSION_MASK = ~((0xF000 << 64) | (0xC000 << 48))
_VERSION_BITS = (0x4000 << 64) | (0x8000 << 48)


def stream(seed: int, name: str) -> random.Random:
    # String seeds are hashed with SHA-512 by random.seed: stable across runs and platforms,
    # unaffected by PYTHONHASHSEED.
    return random.Random(f"shuwu-demo:{seed}:{name}")


def new_uuid(rng: random.Random) -> str:
    """A random (version 4) UUID string from ``rng``; formatted by hand, as ``uuid.UUID`` is
    a third of the generator's time at county scale."""
    h = f"{(rng.getrandbits(128) & _VERSION_MASK) | _VERSION_BITS:032x}"
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"
