"""Presentation mode as slides (no Streamlit): the deck's order, which slide a page starts on, and moving in it.

The deck: a title slide naming the filters, then one chart per slide. The URL names the slide (``?present=1&
slide=funding_levels``), so a copied link reopens it with its filters.
"""

from __future__ import annotations

from typing import Optional

# slide id -> (the page it comes from, short name shown in the slide bar)
DECK: dict[str, tuple[str, str]] = {
    "title": ("overview", "封面"),
    "overview_funding": ("overview", "各地区资金"),
    "funding_levels": ("funding", "资金来源级次"),
    "funding_treemap": ("funding", "资金去向"),
    "coverage_share": ("coverage", "指标类别覆盖"),
    "quantification": ("coverage", "目标量化程度"),
    "satisfaction": ("satisfaction", "满意度目标"),
    "review_by_rule": ("review", "审核：问题类别"),
    "review_by_place": ("review", "审核：问题地区"),
}
SLIDE_PARAM = "slide"


def slide_ids() -> list[str]:
    return list(DECK)


def start_slide(page: Optional[str]) -> str:
    """The slide a page opens on in presentation mode: its first chart (the title slide for the others)."""
    if page in (None, "", "overview"):
        return "title"
    return next((sid for sid, (p, _) in DECK.items() if p == page), "title")


def current(value: Optional[str], page: Optional[str]) -> str:
    """The slide named in the URL, or the page's start slide when the URL names none (or an unknown one)."""
    return value if value in DECK else start_slide(page)


def step(slide: str, delta: int) -> str:
    """The slide ``delta`` steps away, staying within the deck."""
    ids = slide_ids()
    i = ids.index(slide) if slide in ids else 0
    return ids[min(max(i + delta, 0), len(ids) - 1)]


def position(slide: str) -> tuple[int, int]:
    """(1-based number, number of slides)."""
    ids = slide_ids()
    return (ids.index(slide) + 1 if slide in ids else 1), len(ids)
