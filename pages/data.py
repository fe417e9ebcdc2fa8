"""数据: the loaded documents, what the reader noticed in each (with the lines it refers to), the load log.

Both lists come from the database a page at a time (queries ``documents`` and ``parse_warnings``)."""

import pandas as pd
import streamlit as st

from pages import _shared as shared
from ui import sources, tables
from ui.formatting import format_count, jurisdiction_year, place_of
from ui.text import md_text

shared.require_frame()
present = shared.is_presenting()
shared.page_header("数据")

docs = shared.query("documents", limit=1)
if docs.empty:
    shared.no_data()
    st.stop()

first = docs.iloc[0]
cols = st.columns(4)
cols[0].metric("文件", format_count(first["_n_rows"]), border=True)
cols[1].metric("项目", format_count(first["_sum_n_projects"]), border=True)
cols[2].metric("项目指标", format_count(first["_sum_n_indicators"]), border=True)
cols[3].metric("读取提示", format_count(first["_sum_n_warnings"]), border=True,
               help="读取时需要人工核对的地方，例如拼合的单元格、推断的单位、缺少的指标值")

def _documents(rows: pd.DataFrame) -> pd.DataFrame:
    return tables.documents_table(rows).rename(columns={"解析提示数": "读取提示数"})


st.subheader("已导入的文件")
st.caption("“版式”说明原文件的表格是怎样排版的（例如每行一个单元格、制表符分隔、PDF 转出的文字），"
           "看板按版式读取各栏内容。")
shared.server_table("documents", _documents,
                    "数据_已导入文件", key="data_documents", pinned=("地区",),
                    totals={"项目数": "_sum_n_projects", "项目资金（万元）": "_sum_total_wan",
                            "项目指标数": "_sum_n_indicators"})

st.subheader("读取提示")
if not int(first["_sum_n_warnings"]):
    st.info("读取这些文件时没有需要核对的地方。")
else:
    st.caption("读取文件时需要人工核对的地方（如拼合的单元格、推断的单位、缺少的指标值）。点选一行，查看它所指的原文。")
    picked, rows = shared.server_table(
        "parse_warnings", tables.parse_warnings_table, "数据_读取提示", key="data_warnings", selectable=True,
        on_select="rerun", column_config={"读取提示": st.column_config.TextColumn(width="large")}, pinned=("地区",))
    if picked is not None:
        w = rows.iloc[picked]
        line = tables.parse_warnings_table(rows).iloc[picked]["所指行"]
        if line is None or pd.isna(line):
            st.text("这条提示没有指明行号。")
        else:
            lines = shared.document_lines(w["doc_id"])
            if not lines:
                st.warning("数据库中没有保存这份文件的原文：" + md_text(w["source_file"]))
            else:
                label = jurisdiction_year(place_of(w), w["fiscal_year"])
                st.text(f"{label} · {w['source_file']} 第 {int(line)} 行附近")
                near = sources.source_lines(lines, int(line), int(line), [(int(line), int(line))], context=4)
                st.code(sources.numbered_text(near), language=None, wrap_lines=shared.original_wraps(w["doc_id"]))

with st.expander("导入记录（最近 100 次）"):
    shared.table(tables.load_log_table(shared.query("load_log", filtered=False)), "数据_导入记录", key="data_log")
