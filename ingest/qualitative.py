"""The qualitative target values of the vocabulary (``aliases.json`` ``qualitative_values``, the value tables'
deadline phrases and placeholders): 有效提升, 长效, 完善, 符合要求, 严格执行相关制度规定 … — used by the text
readers to cut a value from the name it runs into, and by the interpreter to class a cell."""

from __future__ import annotations

import re
from functools import lru_cache

from ingest import taxonomy as tx
from ingest.grid import match_key
from ingest.values import TABLES

_CJK = "\u3400-\u9fff"


@lru_cache(maxsize=1)
def qualitative_patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern, tuple[str, ...]]:
    """From the ``qualitative_values`` vocabulary, the deadline phrases and the placeholders of the value tables:
    (a qualitative value at the end of a text; a degree-and-change value inside one; a limit, phrase or
    placeholder inside one; the change words)."""
    data = tx.load_aliases()["qualitative_values"]

    def alt(words) -> str:
        return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))

    graded = f"(?:{alt(data['degrees'])})(?:{alt(data['changes'])})"
    fixed = alt([*data["phrases"], *TABLES.deadline_phrases, *TABLES.placeholder_values])
    judged = f"(?<=[{''.join(data['judgement_after'])}])(?:{alt(data['judgements'])})"
    limit = data["limits"]
    limited = (f"(?:{alt(limit['subjects'])})?(?:{alt(limit['verbs'])})"
               f"[{_CJK}]{{0,8}}?(?:{alt(limit['ends'])})")
    end = re.compile(f"(?:{limited}|{graded}|{fixed}|{judged})$")
    # inside a text only phrases of three characters or more: 有效, 长期 begin many names (有效把矛盾纠纷化解…)
    longer = alt(w for w in (*data["phrases"], *TABLES.deadline_phrases, *TABLES.placeholder_values) if len(w) >= 3)
    # ... and judgements of two characters or more (补助资格合规性合规经费审批流程规范性)
    judged_inside = f"(?<=[{''.join(data['judgement_after'])}])(?:{alt(w for w in data['judgements'] if len(w) >= 2)})"
    return end, re.compile(graded), re.compile(f"{limited}|{longer}|{judged_inside}"), tuple(
        sorted(data["changes"], key=len, reverse=True))


def is_qualitative_value(text: str) -> bool:
    """A whole qualitative target value of the vocabulary (有效提升, 长效, 完善, 符合要求 …)."""
    end, _, _, changes = qualitative_patterns()
    key = match_key(text).replace(" ", "")
    found = end.search(key)
    return bool(found and found.start() == 0) or key in changes


