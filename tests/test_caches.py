"""The text caches: unbounded between trims, emptied by trim() once past their bound."""

from __future__ import annotations

from ingest import caches


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
