"""The text caches: unbounded between trims, emptied by trim() once past their bound."""

from __future__ import annotations

import gc

import pytest

from ingest import caches
from ingest.errors import IngestError
from ingest.parse import parse_bytes


def test_trim_empties_only_the_caches_past_their_bound():
    calls: list[str] = []

    @caches.text_cache(maxsize=2)
    def upper(text: str) -> str:
        calls.append(text)
        return text.upper()

    assert [upper("a"), upper("b"), upper("a")] == ["A", "B", "A"] and calls == ["a", "b"]
    caches.trim()  # two entries: within the bound
    assert upper.cache_info().currsize == 2
    upper("c")
    caches.trim()
    assert upper.cache_info().currsize == 0
    assert upper("a") == "A" and calls == ["a", "b", "c", "a"]  # computed again, the same


def test_the_collector_is_paused_while_parsing_and_restored_after():
    seen: list[bool] = []
    assert gc.isenabled()
    with caches.collector_paused():
        seen.append(gc.isenabled())
        with caches.collector_paused():  # nested (or another thread's) parse: one pause
            seen.append(gc.isenabled())
        seen.append(gc.isenabled())
    assert seen == [False, False, False] and gc.isenabled()
    with pytest.raises(IngestError):
        parse_bytes("empty.txt", "没有表格".encode())
    assert gc.isenabled()  # enabled again after a refused file too
    gc.disable()
    try:
        with caches.collector_paused():
            pass
        assert not gc.isenabled()  # a caller's own setting is kept
    finally:
        gc.enable()
