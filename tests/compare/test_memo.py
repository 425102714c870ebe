"""Answers remembered by object identity are never handed to another object that reuses an id."""

from __future__ import annotations

from isnad.compare.memo import IdentityMemo


def test_an_answer_is_remembered_for_the_same_objects_only() -> None:
    memo: IdentityMemo[int] = IdentityMemo(2)
    calls: list[int] = []
    a, b = {"x": 1.0}, {"x": 1.0}  # equal but distinct: two sentences that happen to read alike

    def compute(n: int) -> int:
        calls.append(n)
        return n

    assert memo.get((a,), lambda: compute(1)) == 1
    assert memo.get((a,), lambda: compute(2)) == 1  # remembered
    assert memo.get((b,), lambda: compute(3)) == 3  # another object, however equal
    assert memo.get((a, b), lambda: compute(4)) == 4  # full: cleared, then stored
    assert calls == [1, 3, 4]
