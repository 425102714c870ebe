"""Results remembered by the identity of the objects they were computed from.

Alignment asks the same question about the same pair of sentences (or rows of figures, or documents) once
per figure in them. The objects are immutable but not hashable (mappings, documents), so answers are keyed
by `id()`, and each entry keeps its objects so that a reused id never returns another object's answer.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class IdentityMemo(Generic[T]):
    """At most `size` answers keyed by the identity of one or more objects; cleared when full."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._entries: dict[tuple[int, ...], tuple[tuple[object, ...], T]] = {}

    def get(self, keys: tuple[object, ...], compute: Callable[[], T]) -> T:
        ids = tuple(id(k) for k in keys)
        hit = self._entries.get(ids)
        if hit is not None and all(a is b for a, b in zip(hit[0], keys, strict=True)):
            return hit[1]
        if len(self._entries) >= self.size:
            self._entries.clear()
        value = compute()
        self._entries[ids] = (keys, value)
        return value
