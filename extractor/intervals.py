"""Disjoint character intervals with logarithmic overlap queries."""

from __future__ import annotations

import bisect
from typing import Iterable


class Intervals:
    """A set of half-open character intervals answering "does [s, e) overlap any?" in
    O(log n). Overlapping or touching members are merged on insertion, so the stored
    intervals stay disjoint and sorted (long texts have tens of thousands of candidates)."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        merged: list[list[int]] = []
        for s, e in sorted(sp for sp in spans if sp[1] > sp[0]):
            if merged and s < merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], e)
            else:
                merged.append([s, e])
        for s, e in merged:
            self._starts.append(s)
            self._ends.append(e)

    def overlaps(self, s: int, e: int) -> bool:
        if e <= s:
            return False
        i = bisect.bisect_left(self._ends, s + 1)  # first interval ending after s
        return i < len(self._starts) and self._starts[i] < e

    def __call__(self, s: int, e: int) -> bool:
        return self.overlaps(s, e)

    def add(self, s: int, e: int) -> None:
        if e <= s:
            return
        i = bisect.bisect_left(self._ends, s + 1)
        j = i
        while j < len(self._starts) and self._starts[j] < e:
            s = min(s, self._starts[j])
            e = max(e, self._ends[j])
            j += 1
        self._starts[i:j] = [s]
        self._ends[i:j] = [e]


class IntervalList(list):
    """A list of items with ``start``/``end`` that also answers overlap queries quickly."""

    def __init__(self) -> None:
        super().__init__()
        self.spans = Intervals()

    def append(self, item) -> None:  # type: ignore[override]
        super().append(item)
        self.spans.add(item.start, item.end)

    def free(self, s: int, e: int) -> bool:
        return not self.spans.overlaps(s, e)
