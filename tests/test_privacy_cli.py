"""The command line masks personal numbers like the dashboard (ui.privacy.mask_personal); ``--show-personal`` lets
the owner of the files see them."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.helpers import ROOT, SAMPLES

MOBILE, LANDLINE, ID_CARD = "13812345678", "0755-12345678", "110101199003071234"


@pytest.fixture(scope="module")
def personal_file(tmp_path_factory):
    """西青区's file with personal numbers written into the first project's name and goal."""
    text = (SAMPLES / "tianjin_xiqing_2024.txt").read_text(encoding="utf-8")
    assert "项目名称\t抚恤金\t" in text and "发放去世人员抚恤金。" in text
    text = text.replace("项目名称\t抚恤金\t", f"项目名称\t抚恤金（经办 {MOBILE}）\t", 1)
    text = text.replace("发放去世人员抚恤金。", f"发放去世人员抚恤金。咨询电话 {LANDLINE}，身份证 {ID_CARD}。", 1)
    path = tmp_path_factory.mktemp("personal") / "personal.txt"
    path.write_text(text, encoding="utf-8")
    return path


def _run(*args) -> str:
    result = subprocess.run([sys.executable, "-m", "ingest", *args], cwd=ROOT, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("json_flag", [[], ["--json"]])
def test_parse_masks_personal_numbers_unless_asked(personal_file, json_flag):
    out = _run("parse", str(personal_file), *json_flag)
    assert "138****5678" in out and MOBILE not in out
    if json_flag:  # the goal is in the JSON only
        assert "0755-****5678" in out and LANDLINE not in out
        assert "110101********1234" in out and ID_CARD not in out
    shown = _run("parse", str(personal_file), *json_flag, "--show-personal")
    assert MOBILE in shown and (not json_flag or (LANDLINE in shown and ID_CARD in shown))


def test_review_masks_personal_numbers_unless_asked(personal_file, tmp_path):
    from ingest import loader
    from ingest.parse import parse_file

    db = tmp_path / "p.duckdb"
    assert [r[1] for r in loader.load_paths([personal_file], db, parse=parse_file)] == ["loaded"]
    out = _run("review", "--db", str(db))
    assert "抚恤金（经办 138****5678）" in out and MOBILE not in out
    out = _run("review", "--db", str(db), "--json")
    assert "138****5678" in out and MOBILE not in out
    assert MOBILE in _run("review", "--db", str(db), "--show-personal")
