"""The 33 real published excerpts of shared/corpus, read against their hand-transcribed expected readings.

tests/fixtures/corpus/*.expected.tsv were written by reading each source text, never from the parser's output
(see tests/corpus.py for the scoring). Every document must parse or be refused with a Chinese message naming it;
the per-document floors below are what the parser recovers today, so a change that loses an indicator fails here.
The documents it does not read fully are listed in the README ("How documents are read" → limits).
"""

from __future__ import annotations

import pytest

from ingest.errors import IngestError
from ingest.parse import parse_file
from tests.corpus import CORPUS, FIXTURES, read_expected, score_corpus, score_document, totals

DOCUMENTS = sorted(p.name.replace(".expected.tsv", ".txt") for p in FIXTURES.glob("*.expected.tsv"))

# document prefix -> indicators that must be recovered (name and value exact, as transcribed)
FLOORS = {
    "01": 17, "02": 9, "03": 6, "04": 6, "05": 2, "06": 9, "07": 1, "08": 9, "09": 1, "11": 5, "12": 3, "14": 10,
    "15": 1, "16": 13, "17": 3, "18": 2, "19": 19, "20": 1, "21": 3, "22": 7, "23": 14, "24": 2, "25": 4, "26": 5,
    "27": 9, "28": 5, "29": 16, "30": 8, "31": 7, "32": 14, "33": 13,
}
# the documents still refused (none: 15, whose header the extraction ran together on one line, is read since)
REFUSED: set[str] = set()


@pytest.fixture(scope="module")
def scores():
    return {s.document[:2]: s for s in score_corpus()}


def test_there_are_33_documents_and_fixtures():
    assert len(DOCUMENTS) == 33
    assert all((CORPUS / name).exists() for name in DOCUMENTS)


@pytest.mark.parametrize("name", DOCUMENTS)
def test_every_document_parses_or_is_refused_by_name(name):
    try:
        document = parse_file(CORPUS / name)
    except IngestError as exc:
        assert name[:2] in REFUSED, exc
        assert exc.source == name and exc.message_zh
        return
    assert name[:2] not in REFUSED
    assert document.projects or document.department_overall
    expected = read_expected(FIXTURES / name.replace(".txt", ".expected.tsv"))
    if expected.year:
        assert document.fiscal_year == expected.year


@pytest.mark.parametrize("prefix, floor", sorted(FLOORS.items()))
def test_indicators_recovered_per_document(scores, prefix, floor):
    score = scores[prefix]
    assert score.indicators_found >= floor, score.missing


def test_complete_projects_found_with_their_exact_total(scores):
    found = {k for k, s in scores.items() if s.complete_expected and s.complete_found == s.complete_expected}
    assert {"02", "06", "27", "29", "33"} <= found  # 5 of 7 measured (0.714)


# Where the reading and the transcription knowingly disagree on a level: 22 (Ningjin) has no level-1 column; its
# 质量/时效/成本指标 rows print no level-1 and are transcribed with none, and 04 (Ezhou) prints none at all (its
# 一级指标 column holds 数量/质量/成本指标), while the reader gives every level-2 label the level-1 it belongs to in
# the taxonomy (产出指标), as it does in every document.
KNOWN_LEVEL_DERIVED = {"04", "22"}


def test_corpus_totals(scores):
    measured = totals(list(scores.values()))
    # 0.889 measured (0.854 before run-together names were cut from their explanations and per-place value
    # columns read: corpus 17 0 -> 3 of 3, 25 1 -> 4 of 4; 15 read since, 1 of 1; 31 5 -> 7 of 11 since a weight
    # printed before the target, fused to it, is cut off)
    assert measured["recall"] >= 0.885
    assert measured["precision"] >= 0.99  # 1.0 measured (0.982 before)
    assert measured["partials"] >= 0.95  # every row cut off by the excerpt is read or named in a warning
    # every project read with the name (and total) a person reads: 27 of 35 measured (20 before the fields stopped
    # at the form's other labels and titles lost their numbers and template words); 6 projects read under another
    # name or total, none that a person does not see (18 read otherwise before, 5 of them lists of annexes and an
    # allocation table that made projects)
    assert measured["project_names"] >= 0.77 and measured["extra_projects"] <= 6
    # level-1 and level-2 of the recovered indicators
    assert totals([s for k, s in scores.items() if k not in KNOWN_LEVEL_DERIVED])["levels"] >= 0.98


def test_level_1_derived_from_level_2_where_no_column_prints_it(scores):
    assert scores["22"].level_mismatches == [(line, ("产出指标", level2), (None, level2)) for line, level2 in (
        (20, "质量指标"), (21, "质量指标"), (22, "时效指标"), (23, "成本指标"))]
    assert scores["04"].level_mismatches == [(14, ("产出指标", level2), (None, level2)) for level2 in (
        "数量指标", "数量指标", "质量指标", "质量指标", "质量指标", "成本指标")]


# Known extra readings: none left (20, whose 全年完成值 and 原因 cells ran on after the last target, is read right).
KNOWN_EXTRAS: set[str] = set()


def test_documents_read_fully_have_no_extra_indicators(scores):
    for prefix, score in scores.items():
        if score.indicators_expected and score.indicators_found == score.indicators_expected:
            assert score.indicators_correct == score.indicators_read or prefix in KNOWN_EXTRAS, (prefix, score.extra)


def test_self_evaluation_table_reads_target_not_actual():
    # corpus 28 (Xiuning): 指标值 300㎡, 全年实际完成值 0 — the target is 300㎡
    score = score_document(CORPUS / DOCUMENTS[27], read_expected(FIXTURES / DOCUMENTS[27].replace(
        ".txt", ".expected.tsv")))
    assert DOCUMENTS[27].startswith("28") and score.indicators_found == score.indicators_expected == 5
    document = parse_file(CORPUS / DOCUMENTS[27])
    first = document.projects[0].indicators[0]
    assert (first.name, first.value, first.actual) == ("布展面积", "300㎡", "0")
    assert document.projects[0].self_evaluation


# The units as printed (read off the source lines): a short field ends where the next label of the form begins,
# also a label the fields do not read (资金情况(万元), 评价机构:, 主管部门审核意见), and a label's words inside a
# sentence (…落实到具体项目单位,并严格按照…) are not a label.
@pytest.mark.parametrize("prefix, department, implementing_unit", [
    ("08", "[155]濉溪县民政局", None),  # lines 9-10, 资金情况(万元) on line 14
    ("09", "安溪县水利局", None),  # lines 57-58: 主管部门(单位)名称
    ("11", "清涧县交通运输局", "清涧县交通运输局"),  # lines 28-31, 资金情况 on line 33
    ("18", "忠县农业农村委员会", None),  # lines 21-22 (区县主管部门), 资金情况 on line 23
    ("23", None, "湖北省残疾人联合会"),  # line 5 项目单位, line 6 评价机构
    ("25", "秀屿区水利局", None),  # run together: 主管部门(单位)名称秀屿区水利局资金情况(万元)
    ("27", "中江县水利局", "中江县水利局"),  # run together: …实施单位中江县水利局资金情况(万元)…
    ("28", "休宁县文化旅游体育局", "休宁县文物局"),  # line 7 (资金使用单位), 资金情况(万元) on line 8
    ("32", "县农业农村局", "张庄寨镇人民政府"),  # line 4, 资金情况 (万元) on line 5
])
def test_units_end_where_the_next_label_begins(prefix, department, implementing_unit):
    path = next(CORPUS.glob(f"{prefix}_*.txt"))
    project = parse_file(path).projects[-1 if prefix == "09" else 0]
    assert (project.department, project.implementing_unit) == (department, implementing_unit)
