"""Caches of the lookups parsing repeats for every cell (a text's match key, its content class, a label's role…).

``functools.lru_cache(maxsize=N)`` keeps its entries in a linked list that the garbage collector walks, entry by
entry, at every full collection: with the few hundred thousand entries of a large import that was about a tenth
of the parsing time. :func:`text_cache` keeps an unbounded ``lru_cache`` instead (a plain dict, which the
collector does not even track while it holds only strings, numbers, booleans and None) and :func:`trim` empties
each one grown past its bound; the parser calls it before every document, so no cache outgrows its bound by more
than one document's entries. The cached functions are pure: emptying a cache changes nothing but time.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Callable, TypeVar

F = TypeVar("F", bound=Callable)
_CACHES: list[tuple[Callable, int]] = []


def text_cache(maxsize: int) -> Callable[[F], F]:
    """Cache a pure function (of hashable arguments) until :func:`trim` finds more than ``maxsize`` entries."""
    def decorate(function: F) -> F:
        cached = lru_cache(maxsize=None)(function)
        _CACHES.append((cached, maxsize))
        return cached  # type: ignore[return-value]
    return decorate


def trim() -> None:
    """Empty every cache holding more entries than its bound."""
    for cached, maxsize in _CACHES:
        if cached.cache_info().currsize > maxsize:
            cached.cache_clear()
