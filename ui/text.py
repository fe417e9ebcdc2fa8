"""Document text shown as text: the one helper for every place a string from a document meets Streamlit Markdown.

Streamlit renders Markdown (bold, links, images, KaTeX ``$…$``, colour directives ``:red[…]``, emoji and icon
shortcodes ``:smile:``) in metric labels and values, subheaders, captions, alerts, expander / button / popover /
page-link labels and segmented-control options; HTML tags in such text are shown as typed, but entities (``&lt;``)
are decoded. ``md_text`` makes a document string inert there: every ASCII punctuation character that Markdown or
its extensions give a meaning is backslash-escaped (CommonMark lets any ASCII punctuation be escaped), line breaks
become spaces, bare addresses get an invisible word joiner (GFM would link them after the escapes are resolved),
and phone and ID numbers are masked. The reader sees every character (tags stay as text: escaped, never
stripped).

Elements that show plain text (``st.text``, ``st.code``, ``st.dataframe`` cells, select-box and multiselect
options) need no escaping and must not get it (the backslashes would show): pass them ``plain_text`` (masking only).
Plotly labels use ``ui.charts.plot_text`` (plotly's own HTML subset).
"""

from __future__ import annotations

import re
from typing import Any

from ui.privacy import mask_personal

# Every ASCII punctuation character (CommonMark: "Any ASCII punctuation character may be backslash-escaped").
_MD_SPECIAL = re.compile(r"([!\"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~])")
_LINE_BREAKS = re.compile(r"[\r\n\f\v\u2028\u2029]+")
# GFM turns bare addresses in text into links after escapes are resolved (http://…, www.…, a@b.c): an invisible
# word joiner (U+2060) inside the marker keeps them text; what the reader sees does not change.
_AUTOLINK = re.compile(r"(?i)(https?|ftp|mailto|www)(?=[:.])|(@)(?=\w)")
WORD_JOINER = "\u2060"


def plain_text(value: Any) -> str:
    """A document value for an element that shows plain text: ``''`` for missing values, personal numbers masked."""
    if value is None:
        return ""
    try:
        if value != value:  # NaN
            return ""
    except (TypeError, ValueError):
        pass
    return mask_personal(str(value))


def md_text(value: Any) -> str:
    """A document value for any Markdown-rendering element (see the module docstring): shown exactly as written."""
    text = _LINE_BREAKS.sub(" ", plain_text(value))
    text = _AUTOLINK.sub(lambda m: m.group(0) + WORD_JOINER, text)
    return _MD_SPECIAL.sub(r"\\\1", text)
