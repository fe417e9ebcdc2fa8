"""Caches of the lookups parsing repeats for every cell (a text's match key, its content class, a label's role…).

``functools.lru_cache(maxsize=N)`` keeps its entries in a linked list that the garbage collector walks, entry by
entry, at every full collection: with the few hundred thousand entries of a large import that was about a tenth
of the parsing time. :func:`text_cache` keeps an unbounded ``lru_cache`` instead (a plain dict, which the
collector does not even track while it holds only strings, numbers, booleans and None) and :func:`trim` empties
each one grown past its bound; the parser calls it before every document, so no cache outgrows its bound by more
than one document's entries. The cached functions are pure: emptying a cache changes nothing but time.
"""

from __future__ import annotations

import gc
import threading
from contextlib import contextmanager
from functools import lru_cache
from typing import Callable, Iterator, TypeVar

F = TypeVar("F", bound=Callable)
_CACHES: list[tuple[Callable, int]] = []
_PAUSE_LOCK = threading.Lock()
_pauses = 0  # documents being parsed with the collector paused (in any thread)
_resume = False  # whether the collector was enabled when the first of them started


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


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while one document is parsed; it runs again between documents.

    Parsing a document allocates tens of thousands of objects (cells, tokens, records) that are still in use
    when the collector's young generations fill up: the collections during a parse walked them, and the full
    collections their promotion set off walked the whole heap (the division tables among it), to free nothing,
    about a twentieth of the parsing time (5,000 generated projects: 1,243 collections, 9 of them full; paused,
    137 and 1). Reference counting still frees everything else at once; cyclic garbage, if a reader makes any, is
    collected once the document is read (peak memory unchanged on the PDF fixtures, +0.6 MB on a 1.2 MB text of
    780 projects). Nested and concurrent parses share one pause; the collector is enabled again only if it was
    enabled when the first of them began (a caller that calls ``gc.enable()`` or ``gc.disable()`` meanwhile sees
    its setting replaced when the last parse ends).
    """
    global _pauses, _resume
    with _PAUSE_LOCK:
        if _pauses == 0:
            _resume = gc.isenabled()
            gc.disable()
        _pauses += 1
    try:
        yield
    finally:
        with _PAUSE_LOCK:
            _pauses -= 1
            if _pauses == 0 and _resume:
                gc.enable()
