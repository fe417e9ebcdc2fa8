"""数据: the loaded documents, the parser's warnings per document (with the lines they refer to), the load log."""

import pandas as pd
import streamlit as st

import queries
from pages import _shared as shared
from ui import sources, state, tables
from ui.formatting import jurisdiction_year

shared.require_frame()
present = shared.is_presenting()
shared.page_header("数据")

docs = shared.query("documents")
if docs.empty:
    shared.no_data()
    st.stop()

cols = st.columns(4)
doc_table = tables.documents_table(docs)
cols[0].metric("文件", str(len(doc_table)), border=True)
cols[1].metric("项目", str(int(doc_table["项目数"].sum())), border=True)
cols[2].metric("项目指标", str(int(doc_table["项目指标数"].sum())), border=True)
cols[3].metric("解析提示", str(int(doc_table["解析提示数"].sum())), border=True)

st.subheader("已导入的文件")
shared.table(doc_table, "数据_已导入文件", key="data_documents")

st.subheader("解析提示")
warnings = tables.warnings_table(docs)
if warnings.empty:
    st.info("没有解析提示。")
else:
    st.caption("解析器对每个文件的提示（如拼合的单元格、推断的单位）。点选一行，查看它所指的原文。")
    selection = shared.table(warnings, "数据_解析提示", key="data_warnings", hidden=("doc_id",), selectable=True,
                             on_select="rerun", column_config={"解析提示": st.column_config.TextColumn(width="large")})
    rows = selection.selection.rows if selection is not None else []
    if rows:
        w = warnings.iloc[rows[0]]
        line = w["所指行"]
        if pd.isna(line):
            st.text("这条提示没有指明行号。")
        else:
            doc = docs[docs["doc_id"] == w["doc_id"]].iloc[0]
            path = sources.resolve_source(doc["source_file"], shared.source_dirs())
            if path is None:
                st.warning("找不到原文文件：" + str(doc["source_file"]))
            else:
                label = jurisdiction_year(doc["jurisdiction"], doc["fiscal_year"])
                st.text(f"{label} · {path.name} 第 {int(line)} 行附近")
                near = sources.source_lines(path, int(line), int(line), [(int(line), int(line))],
                                            str(doc["encoding"] or "utf-8"), context=4)
                st.code(sources.numbered_text(near), language=None, wrap_lines=True)

with st.expander("导入记录（最近 100 次）"):
    shared.table(tables.load_log_table(shared.query("load_log", filtered=False)), "数据_导入记录", key="data_log")

with st.expander("链接参数（分享当前视图）"):
    st.caption("筛选条件和页面状态都保存在网址中；例如 /overview?jurisdiction=青岛市&present=1")
    params = pd.DataFrame([(k, v[0], v[1]) for k, v in state.URL_PARAMS.items()], columns=["参数", "含义", "示例"])
    shared.table(params, "数据_链接参数", key="data_params")

with st.expander("查询目录（queries/*.sql）"):
    catalogue = pd.DataFrame([(n, queries.describe(n).split("\n")[0]) for n in queries.names()],
                             columns=["查询", "说明"])
    shared.table(catalogue, "数据_查询目录", key="data_queries")
