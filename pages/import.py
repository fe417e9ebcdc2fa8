"""数据导入: upload target tables (Excel, Word, PDF, scans, images, web pages, text), preview what was read beside
the original lines, then load them with one button; the Excel template and the export of loaded data."""

import streamlit as st

from ingest.export import export_xlsx, template_xlsx
from ingest.readers.guard import max_upload_mb
from pages import _shared as shared
from ui import importing, sources
from ui.export import XLSX_MIME
from ui.formatting import format_wan
from ui.limits import MAX_SOURCE_FILES
from ui.text import md_text

shared.require_frame()
st.title("数据导入")
if shared.read_only_dataset():  # TARGETBOARD_DATA: a shared Parquet dataset that this process only reads
    st.info("这个看板只读地展示一个导出的数据集（多台看板共享），不能在这里导入。请在负责导入的机器上用 "
            "python -m ingest load 导入，再用 python -m ingest export --parquet 重新导出数据集。")
    st.stop()
st.text("上传绩效目标表文件，先预览读取结果（原文与读取结果对照），确认无误后再写入数据库。")

LIMIT_MB = max_upload_mb()
ss = st.session_state
ss.setdefault("import_round", 0)
ss.setdefault("import_previews", {})

# ------------------------------------------------------------------------------------------- template and export
with st.container(horizontal=True, gap="small"):
    st.download_button("下载 Excel 模板", data=template_xlsx, file_name="绩效目标导入模板.xlsx", mime=XLSX_MIME,
                       on_click="ignore", icon=":material/download:", key="import_template",
                       help="一行一个指标，项目信息逐行重复；填好后在下面上传即可导入。")
everything = shared.query("documents", filtered=False, limit=1)
n_documents = int(everything["_n_rows"].iloc[0]) if len(everything) else 0
docs = shared.query("documents", limit=MAX_SOURCE_FILES)  # the files of the sidebar filters, the first ones
with st.expander("导出已导入的数据（与模板格式相同，可再导入）"):
    if not n_documents:
        st.info("数据库中还没有数据。")
    else:
        labels = {None: f"全部文件（{n_documents:,} 个，导入时合为一个文件）"}
        for doc_id, source, name, year in zip(docs["doc_id"], docs["source_file"], docs["place_name"],
                                              docs["fiscal_year"]):
            place = f"{name or '未识别地区'} {'' if year is None or year != year else int(year)}".strip()
            labels[int(doc_id)] = f"{source}（{place}）"
        chosen = st.selectbox("导出范围", list(labels), format_func=labels.get, key="import_export_doc")
        if len(docs) and int(docs["_n_rows"].iloc[0]) > len(docs):
            st.caption(f"只列出侧栏筛选下的前 {MAX_SOURCE_FILES} 个文件；用侧栏筛选找到其他文件。")

        def _export(doc=chosen):
            return export_xlsx(shared.connection(), None if doc is None else [doc])

        st.download_button("下载导出的 Excel", data=_export, file_name="绩效目标导出.xlsx", mime=XLSX_MIME,
                           on_click="ignore", icon=":material/download:", key="import_export")
        st.caption("按文件导出再导入，数据库内容完全相同；多个文件合在一个 Excel 中再导入时，"
                   "按一个文件（一个年度）读取。")

# ------------------------------------------------------------------------------------------- results of the last load
results = ss.pop("import_results", None)
if results:
    loaded = sum(1 for _, status, _ in results if status in ("loaded", "replaced"))
    failed = sum(1 for _, status, _ in results if status == "failed")
    (st.success if not failed else st.warning)(
        f"已写入 {loaded} 个文件" + (f"，{failed} 个失败" if failed else "") + "。各页面已更新为最新数据。")
    with st.container(key="import_results_list"):
        for file, status, message in results:
            st.text(f"{importing.STATUS_ZH.get(status, status)}　{file}：{message}")
    with shared.links():
        shared.page_link("overview", "查看总览", icon=":material/dashboard:")
        shared.page_link("data", "查看已导入的文件", icon=":material/database:")

# ------------------------------------------------------------------------------------------- upload and preview
files = st.file_uploader("选择要导入的文件（可多选）", accept_multiple_files=True,
                         key=f"import_files_{ss.import_round}",
                         help=f"支持 {importing.SUFFIXES_ZH}。每个文件的大小上限由环境变量 "
                              "TARGETBOARD_MAX_UPLOAD_MB 设定（单位 MB）。")
st.caption(f"支持 Excel、Word、PDF（含扫描件）、图片、网页和文本文件，每个文件不超过 {LIMIT_MB:g} MB；"
           "扫描件和图片的文字由文字识别读出，请逐项核对。")

if not files:
    st.stop()

cache: dict = ss.import_previews
todo = [f for f in files if (f.name, f.size) not in cache]
if todo:
    bar = st.progress(0.0, text=f"正在读取 0/{len(todo)} 个文件…")
    for n, f in enumerate(todo, 1):
        bar.progress((n - 1) / len(todo), text=f"正在读取 {n}/{len(todo)}：{f.name}")
        if f.size > LIMIT_MB * 1024 * 1024:  # refused unread
            preview = importing.Preview(name=f.name, size=f.size, sha256="")
            preview.error = (f"文件过大（{f.size / 1024 / 1024:.1f} MB），超过每个文件 {LIMIT_MB:g} MB 的上限。"
                             "请只保留绩效目标表所在的工作表或页面后再导入，或请管理员调高上限"
                             "（环境变量 TARGETBOARD_MAX_UPLOAD_MB）。")
        else:
            preview = importing.read_upload(f.name, f.getvalue(), LIMIT_MB)
        cache[(f.name, f.size)] = preview
    bar.progress(1.0, text=f"已读取 {len(todo)} 个文件。")
previews = [cache[(f.name, f.size)] for f in files]
importing.mark_duplicates(shared.connection(), [p for p in previews if p.sha256])

replace = st.radio("已导入过的文件（内容相同）", ["跳过", "替换原记录（重新导入）"], horizontal=True,
                   key="import_replace",
                   help="按文件内容（SHA-256）识别；替换时先删除原记录，再写入本次读取结果。") != "跳过"

st.subheader("读取结果预览")
summary = importing.summary_table(previews, replace)
shared.table(summary, "数据导入_预览", key="import_summary", downloads=False)

for k, p in enumerate(previews):
    icon = "❌" if p.error else ("♻️" if p.duplicate_of else "✅")
    with st.expander(f"{icon} {md_text(p.name)} — {p.status(replace)}",
                     expanded=len(previews) <= 3 or bool(p.error)):
        if p.error:
            st.error(md_text(p.error))
            continue
        doc = p.document
        cols = st.columns(4)
        cols[0].metric("项目", str(len(doc.projects)), border=True)
        cols[1].metric("资金总额（万元）", format_wan(sum(pr.total_wan or 0 for pr in doc.projects)), border=True)
        cols[2].metric("项目指标", str(sum(len(pr.indicators) for pr in doc.projects)), border=True)
        cols[3].metric("提示", str(len(doc.warnings)), border=True)
        where = " ".join(x for x in (doc.province, doc.city, doc.county) if x) or "未识别"
        st.text(f"版式：{importing.LAYOUT_TITLES.get(doc.layout, doc.layout)}　地区：{where}　"
                f"年度：{doc.fiscal_year or '未识别'}　部门：{doc.department or '未识别'}"
                + ("　（OCR 识别，请核对）" if doc.is_ocr else ""))
        if p.duplicate_of:
            st.info(f"与已导入的 {md_text(p.duplicate_of)} 内容相同："
                    + ("将替换原记录。" if replace else "将跳过。"))
        elif p.similar_to:
            st.warning(f"数据库中已有同一地区、年度和部门的文件 {md_text(p.similar_to)}（内容不同）。"
                       "如果这是同一份目标表的"
                       "另一种格式（如 PDF 与 Excel），导入后会重复计算；可先在“数据”页面核对或删除旧记录。")
        projects = importing.projects_table(doc)
        shared.table(projects, f"预览_{p.name}", key=f"import_projects_{k}", downloads=False)
        if doc.warnings:
            with st.container():
                st.caption("读取提示")
                shared.table(importing.warnings_table(doc), f"提示_{p.name}", key=f"import_warnings_{k}",
                             downloads=False, column_config={"提示": st.column_config.TextColumn(width="large")})
        owners = list(doc.projects) + ([doc.department_overall] if doc.department_overall is not None else [])
        if not owners:
            continue
        names = [f"{o.sequence}. {o.name}" if hasattr(o, "sequence") else "部门整体" for o in owners]
        pick = st.selectbox("对照原文查看", range(len(owners)), format_func=lambda i, names=names: names[i],
                            key=f"import_pick_{k}")
        owner = owners[pick]
        left, right = st.columns([5, 6])
        with left:
            st.caption(f"原文（第 {owner.line_start}–{owner.line_end} 行）")
            st.code(importing.numbered_lines(doc.lines, owner.line_start, owner.line_end), language=None,
                    wrap_lines=sources.wrap_original(doc.layout))
        with right:
            st.caption("读取结果")
            shared.table(importing.indicators_table(owner), f"指标_{p.name}", key=f"import_indicators_{k}",
                         downloads=False)

writable = [p for p in previews if p.document is not None and (replace or not p.duplicate_of)]
label = f"导入 {len(writable)} 个文件" if writable else "没有可导入的文件"
if st.button(label, type="primary", disabled=not writable, key="import_go", icon=":material/upload:"):
    with st.spinner("正在写入数据库…"):
        with shared.write_cursor() as cur:
            results = importing.load_previews(cur, previews, replace)
    shared.clear_query_caches()
    ss.import_results = results
    ss.import_previews = {}
    ss.import_round += 1  # a fresh uploader: the files just loaded are no longer listed
    st.rerun()
