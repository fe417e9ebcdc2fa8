"""Bad input: every failure is a Chinese message naming the file (and line), never a traceback."""

from __future__ import annotations

import subprocess
import sys

import pytest

from ingest.errors import IngestError
from ingest.parse import parse_bytes, parse_file
from tests.helpers import ROOT, SAMPLES


def run_cli(*args):
    return subprocess.run([sys.executable, "-m", "ingest", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)


def test_empty_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    with pytest.raises(IngestError) as caught:
        parse_file(path)
    assert caught.value.source == "empty.txt"
    assert "文件为空" in caught.value.message_zh


def test_whitespace_only_file():
    with pytest.raises(IngestError, match="文件为空"):
        parse_bytes("blank.txt", b"\n\n  \t\n")


def test_binary_file():
    data = bytes(range(256)) * 20
    with pytest.raises(IngestError) as caught:
        parse_bytes("image.txt", data)
    assert "不是文本文件" in caught.value.message_zh and caught.value.line == 1


def test_gbk_copy_of_a_sample_parses_and_says_gbk():
    text = (SAMPLES / "ningxia_pingluo_2024.txt").read_text(encoding="utf-8")
    document = parse_bytes("pingluo_gbk.txt", text.encode("gbk"))
    assert document.encoding == "gb18030"
    assert any("GBK" in str(w) and w.code == "encoding_gbk" for w in document.warnings)
    assert len(document.projects) == 6
    assert sum(len(p.indicators) for p in document.projects) == 69


def test_text_without_a_target_table():
    data = "关于印发预算管理办法的通知\n各单位：\n现将有关事项通知如下。\n".encode()
    with pytest.raises(IngestError) as caught:
        parse_bytes("notice.txt", data)
    assert "无法识别版式" in caught.value.message_zh and caught.value.line == 1


def test_table_words_but_no_table():
    data = "绩效目标\t说明\n本文件讨论项目名称的写法。\n".encode()
    with pytest.raises(IngestError) as caught:
        parse_bytes("prose.txt", data)
    assert "没有找到任何绩效目标表" in caught.value.message_zh or "无法识别版式" in caught.value.message_zh


def test_table_cut_off_before_indicators_warns_and_keeps_project():
    lines = (SAMPLES / "tianjin_xiqing_2024.txt").read_text(encoding="utf-8").split("\n")[:14]
    document = parse_bytes("cut.txt", "\n".join(lines).encode())
    assert len(document.projects) == 1
    project = document.projects[0]
    assert (project.name, project.total_wan, project.indicators) == ("抚恤金", 18.47, [])
    assert any("没有指标表头" in str(w) and "抚恤金" in str(w) for w in document.warnings)


def test_table_cut_off_midway_keeps_rows_read_so_far():
    lines = (SAMPLES / "tianjin_xiqing_2024.txt").read_text(encoding="utf-8").split("\n")[:39]
    document = parse_bytes("half.txt", "\n".join(lines).encode())
    assert [len(p.indicators) for p in document.projects] == [6, 4]  # lines 16-21, then 36-39
    assert any("法治宣传经费" in str(w) and "截断" in str(w) and "满意度指标" in str(w) for w in document.warnings)
    assert [p.truncated for p in document.projects] == [False, True]


def test_unsupported_file_type(tmp_path):
    path = tmp_path / "table.odt"
    path.write_bytes(b"PK\x03\x04 an OpenDocument text")
    with pytest.raises(IngestError) as caught:
        parse_file(path)
    assert "暂不支持 .odt" in caught.value.message_zh and ".xlsx" in caught.value.message_zh


def test_missing_file(tmp_path):
    with pytest.raises(IngestError, match="无法读取文件"):
        parse_file(tmp_path / "nope.txt")


def test_cli_reports_bad_files_in_chinese_without_traceback(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02binary")
    good = SAMPLES / "qingdao_2023.txt"
    result = run_cli("parse", str(bad), str(good))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "bad.txt 第 1 行" in result.stderr and "不是文本文件" in result.stderr
    assert "法律培训费" in result.stdout  # the good file is still read


def test_error_message_names_file_and_line():
    error = IngestError("x.txt", "测试", line=12)
    assert str(error) == "x.txt 第 12 行：测试"


def test_csv_export_of_a_tab_table_reads_like_the_tab_file():
    text = (SAMPLES / "tianjin_xiqing_2024.txt").read_text(encoding="utf-8")
    import csv
    import io

    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(line.split("\t") for line in text.split("\n"))
    document = parse_bytes("xiqing.csv", buffer.getvalue().encode("utf-8"), suffix=".csv")
    assert document.layout == "csv"
    assert len(document.projects) == 8
    assert sum(len(p.indicators) for p in document.projects) == 131


def test_a_markdown_file_is_read_as_text(tmp_path):
    # a markdown export of Xiqing's 抚恤金 form (sample lines 7-16): its table read by the markdown family
    path = tmp_path / "抚恤金.md"
    path.write_text("# 项目支出绩效目标表\n\n| 项目名称 | 抚恤金 |\n|---|---|\n| 年度资金总额 | 18.47 |\n\n"
                    "| 一级指标 | 二级指标 | 三级指标 | 指标值 |\n|---|---|---|---|\n"
                    "| 产出指标 | 数量指标 | 发放人数 | =1人 |\n|  | 质量指标 | 发放合规率 | =100% |\n",
                    encoding="utf-8")
    document = parse_file(path)
    assert document.layout == "markdown"
    assert [(p.name, p.total_wan) for p in document.projects] == [("抚恤金", 18.47)]
    assert [(i.level2, i.name, i.value) for i in document.projects[0].indicators] == [
        ("数量指标", "发放人数", "=1人"), ("质量指标", "发放合规率", "=100%")]
