"""Place a jurisdiction in its province and city with cpca's library of Chinese administrative divisions."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

_PLACE_HINT = re.compile(r"[\u4e00-\u9fff]{2,}?(省|自治区|市|州|盟|地区|县|区|旗)")


@dataclass
class Place:
    province: Optional[str] = None
    city: Optional[str] = None
    county: Optional[str] = None
    adcode: Optional[str] = None

    @property
    def jurisdiction(self) -> Optional[str]:
        return self.county or self.city or self.province


@lru_cache(maxsize=1)
def _cpca():
    import cpca  # imported lazily: it loads its division table at import

    return cpca


def locate(candidates: list[str]) -> Place:
    """The most specific division named by the candidates (unit names, titles), by majority at that depth."""
    texts = [c for c in dict.fromkeys(c.strip() for c in candidates if c and c.strip()) if _PLACE_HINT.search(c)]
    if not texts:
        return Place()
    best: Counter = Counter()
    places: dict[str, Place] = {}
    for text in texts:
        row = _address(text)
        province, city, county, adcode = (_value(row.get(k)) for k in ("省", "市", "区", "adcode"))
        if not county:
            renamed = _county_turned_city(text, city)
            if renamed is not None:
                province, city, county, adcode = renamed
        if not province:
            continue
        if city == "市辖区" or city == province:
            city = province
        depth = 3 if county else (2 if city else 1)
        key = str(adcode)
        places[key] = Place(province=province, city=city, county=county, adcode=key)
        best[(depth, key)] += 1
    if not best:
        return Place()
    depth = max(d for d, _ in best)
    key = max(((k, n) for (d, k), n in best.items() if d == depth), key=lambda kn: kn[1])[0]
    return places[key]


_COUNTY_CITY = re.compile(r"([\u4e00-\u9fff]{2,3})市")


def _county_turned_city(text: str, city: Optional[str]) -> Optional[tuple]:
    """A county-level city that the division library still lists as the county it was (宁乡市, 宁乡县 until 2017):
    (province, city, the name as printed, the county's code), when ``text`` names ``X市`` (not its prefecture) and
    the library knows ``X县``."""
    for match in _COUNTY_CITY.finditer(text):
        if match.group() == city:
            continue
        row = _address(text.replace(match.group(), match.group(1) + "县", 1))
        if _value(row.get("区")) == match.group(1) + "县":
            return _value(row.get("省")), _value(row.get("市")), match.group(), _value(row.get("adcode"))
    return None


@lru_cache(maxsize=50_000)
def _address(text: str) -> dict:
    """cpca's reading of one text (province, city, county, adcode), cached: names repeat across documents."""
    cpca = _cpca()
    one = getattr(cpca, "_get_one_addr", None)  # one text without building a DataFrame (1000x faster)
    if one is not None:
        return dict(one(text, False, {}))
    return cpca.transform([text]).to_dict("records")[0]


def _value(value) -> Optional[str]:
    if value is None:
        return None
    text = str(value)
    return None if text in ("", "nan", "None", "<NA>") else text
