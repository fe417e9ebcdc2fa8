"""The database as a Parquet dataset partitioned by province and year (python -m ingest export --parquet DIR), and
the dashboard serving it read-only (TARGETBOARD_DATA=DIR): every query and the review give what the database file
gives, in memory and as views over the files."""

from __future__ import annotations

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

import queries
from ingest import cli, dataset, loader
from review import engine


@pytest.fixture(scope="module")
def exported(sample_db, tmp_path_factory):
    out = tmp_path_factory.mktemp("dataset") / "national"
    assert cli.main(["export", "--db", str(sample_db), "--parquet", str(out)]) == 0
    return out


def test_partitioned_by_province_and_year(exported):
    assert dataset.is_dataset(exported)
    parts = sorted(p.parent.relative_to(exported / "projects").as_posix()
                   for p in (exported / "projects").rglob("*.parquet"))
    from urllib.parse import unquote

    assert [unquote(p) for p in parts] == sorted([
        "province=河北省/fiscal_year=2020", "province=湖南省/fiscal_year=2024",
        "province=宁夏回族自治区/fiscal_year=2024",
        "province=山东省/fiscal_year=2023", "province=天津市/fiscal_year=2024"])
    assert (exported / "review_state.parquet").is_file() and not list(exported.glob(".*"))


@pytest.mark.parametrize("memory", [True, False])
def test_every_query_and_the_review_give_the_same_on_the_dataset(sample_con, exported, memory):
    con = dataset.open_dataset(exported, memory=memory)
    try:
        for name in queries.names():
            params = {k: 1 for k, v in queries.get(name).defaults.items() if v is queries.REQUIRED}
            if name == "search":
                params = {"phrase": "满意度"}
            for filters in ({}, {"jurisdictions": ["130306"]}, {"theme": "人民调解", "years": [2024]}):
                a = queries.run(sample_con, name, **params, **filters)
                b = queries.run(con, name, **params, **filters)
                if name == "load_log":
                    a, b = a.drop(columns=["logged_at"]), b.drop(columns=["logged_at"])
                pd.testing.assert_frame_equal(a, b, check_dtype=False, obj=f"{name} {filters}")
        assert engine.findings_current(con)
        for a, b in zip(engine.run_review(sample_con), engine.run_review(con)):
            pd.testing.assert_frame_equal(a, b, check_dtype=False)
    finally:
        con.close()


def test_a_folder_that_is_not_a_dataset_is_refused_in_chinese(tmp_path):
    with pytest.raises(loader.DatabaseOpenError, match="不是 TargetBoard 导出的 Parquet 数据集"):
        dataset.open_dataset(tmp_path)


def test_export_replaces_a_dataset_whole(sample_db, tmp_path, capsys):
    out = tmp_path / "d"
    assert cli.main(["export", "--db", str(sample_db), "--parquet", str(out)]) == 0
    (out / "stale.txt").write_text("from an older export")
    assert cli.main(["export", "--db", str(sample_db), "--parquet", str(out)]) == 0
    assert not (out / "stale.txt").exists() and dataset.is_dataset(out)
    assert "已导出到" in capsys.readouterr().out
    assert cli.main(["export", "--db", str(tmp_path / "missing.duckdb"), "--parquet", str(tmp_path / "x")]) == 2


def test_the_dashboard_serves_the_dataset_read_only(exported, monkeypatch):
    monkeypatch.setenv("TARGETBOARD_DATA", str(exported))
    monkeypatch.setenv("TARGETBOARD_DB", str(exported.parent / "never-created.duckdb"))
    at = AppTest.from_file("../dashboard.py", default_timeout=60)
    at.query_params["jurisdiction"] = "370200"
    at.run()
    assert not at.exception
    m = {x.label: x.value for x in at.metric}
    assert (m["资金总额（万元）"], m["项目"]) == ("1,487.65", "10")
    at.switch_page("pages/review.py").run()
    assert not at.exception
    assert {x.label: x.value for x in at.metric}["问题"] == "18"
    assert not (exported.parent / "never-created.duckdb").exists()
