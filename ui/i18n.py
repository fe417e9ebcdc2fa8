"""Chinese only: the words Streamlit and plotly would show in English, and the script that puts them in Chinese.

The dashboard's own labels are Chinese. What the libraries draw by themselves — tooltips and accessible names of
their buttons, placeholders, the "no results" line of a select box, the hint under a text input — is replaced in
the page by ``LOCALISE_JS`` (a MutationObserver, own code, no document text), and ``HIDDEN_CSS`` hides the
library controls the dashboard replaces by its own (the table toolbar with its CSV download and search: every
table has 下载 Excel / 下载 CSV; the chart mode bar is switched off in ``pages/_shared.chart``, which offers its own
PNG download). Streamlit's main menu (Print, Record screen, "Made with Streamlit") is switched off by
``client.toolbarMode = "minimal"`` in .streamlit/config.toml.
"""

from __future__ import annotations

import json

# Exact English texts (visible text, tooltips, accessible names, placeholders) -> Chinese.
TRANSLATIONS: dict[str, str] = {
    "Choose an option": "请选择",
    "Choose options": "请选择",
    "No results": "没有匹配的选项",
    "No options to select": "没有可选的选项",
    "No options to select.": "没有可选的选项",
    "Select all": "全选",
    "Clear all": "全部清除",
    "Clear": "清除",
    "Clear value": "清除",
    "Press Enter to apply": "按回车键确认",
    "Press Enter to submit form": "按回车键提交",
    "Press Enter to add": "按回车键添加",
    "Collapse sidebar": "收起侧栏",
    "Expand sidebar": "展开侧栏",
    "Open sidebar": "展开侧栏",
    "Close sidebar": "收起侧栏",
    "Sidebar": "侧栏",
    "Open": "展开",
    "Close": "关闭",
    "open": "展开",
    "Main menu": "菜单",
    "Link to heading": "本节链接",
    "Skip to main content": "跳到主要内容",
    "Show/hide columns": "显示或隐藏列",
    "Download as CSV": "下载 CSV",
    "Search": "搜索",
    "Fullscreen": "全屏",
    "Close fullscreen": "退出全屏",
    "Exit fullscreen": "退出全屏",
    "View fullscreen": "全屏查看",
    "Running...": "正在计算…",
    "Stop": "停止",
    "Rerun": "重新运行",
    "Copy to clipboard": "复制",
    "Copied": "已复制",
    "Remove": "删除",
    "Delete": "删除",
    "Dismiss": "关闭",
    "Sort ascending": "升序",
    "Sort descending": "降序",
    "Pin column": "固定此列",
    "Unpin column": "取消固定",
    "Hide column": "隐藏此列",
    "Autosize": "自动列宽",
    "Format": "格式",
    "Download plot as a PNG": "下载图片",
    "Autoscale": "自动缩放",
    "Reset axes": "重置坐标轴",
    "Zoom": "缩放",
    "Pan": "平移",
    "Zoom in": "放大",
    "Zoom out": "缩小",
    "Double-click to zoom back out": "双击复原",
    "Made with Streamlit": "",
    "Print": "打印",
    "Record a screencast": "录屏",
    "Record screen": "录屏",
    "Settings": "设置",
    "About": "关于",
    "Connecting": "正在连接",
    "Please wait...": "请稍候…",
    "Increment": "增加",
    "Upload": "选择文件",
    "Browse files": "选择文件",
    "file upload": "选择文件",
    "Drag and drop files here": "把文件拖到这里",
    "Drag and drop file here": "把文件拖到这里",
    "Decrement": "减少",
}
# Accessible names that start with a fixed English prefix followed by our own (Chinese) label.
PREFIXES: dict[str, str] = {
    "Help for ": "说明：",
    "Shortcut ": "快捷键 ",
    "Remove ": "删除 ",
    "Clear ": "清除 ",
}
# Whole texts built by the libraries (the select boxes' screen-reader announcements), as JavaScript regular
# expressions (matched against the whole trimmed text) and their Chinese replacement ($1 = first group).
PATTERNS: tuple[tuple[str, str], ...] = (
    # the file uploader's server-wide limit; the import page states its own (TARGETBOARD_MAX_UPLOAD_MB) beside it
    (r"^(?:Limit )?\d+(?:\.\d+)?\s*[KMG]B per file.*$", "或把文件拖到这里（可一次选多个）"),
    (r"^(\d+) (?:options?|results?) available(?: for search term (.*))?\.?$", "共 $1 个选项"),
    (r"^options? (.*), selected\.$", "已选择 $1"),
    (r"^option (.*), deselected\.$", "已取消 $1"),
    (r"^option (.*) is disabled\. Select another option\.$", "$1 不可选，请选择其他选项"),
    (r"^All selected options have been cleared\.$", "已清除全部选项"),
    (r"^Use Up and Down to choose options.*$", "用上下方向键选择，回车确认，Esc 关闭"),
    (r"^(.*) is focused.*press Down to open the menu.*$", "$1：按向下方向键打开选项"),
    (r"^Use left and right to toggle between focused values.*$", "左右方向键切换已选项，退格键删除"),
    (r"^value (.*) focused, (\d+) of (\d+)\.$", "已选项 $1（第 $2 / $3 个）"),
    (r"^(.*?)( selected)?( disabled)?, (\d+) of (\d+)\.$", "$1（第 $4 / $5 个）"),
)
ATTRIBUTES = ("aria-label", "title", "placeholder", "data-title", "aria-placeholder")

HIDDEN_CSS = """
[data-testid="stElementToolbar"], [data-testid="stStatusWidget"], [data-testid="stDecoration"],
[data-testid="stToolbarActions"], [data-testid="stAppDeployButton"], [data-testid="stMainMenu"],
.modebar-container { display: none !important; }
"""

_SCRIPT = """
(() => {
  const T = %(translations)s, P = %(prefixes)s, A = %(attributes)s;
  const R = %(patterns)s.map(([p, r]) => [new RegExp(p, "s"), r]);
  const w = window.parent && window.parent.document ? window.parent : window;
  const doc = w.document;
  if (w.__tbLocalised) return;
  w.__tbLocalised = true;
  doc.documentElement.lang = "zh-CN";
  const swap = (v) => {
    if (!v) return null;
    const t = v.trim();
    if (Object.prototype.hasOwnProperty.call(T, t)) return v.replace(t, T[t]);
    for (const p in P) { if (t.startsWith(p) && t.length > p.length) return P[p] + t.slice(p.length); }
    for (const [re, r] of R) { if (re.test(t)) return t.replace(re, r); }
    return null;
  };
  const fix = (root) => {
    if (root.nodeType === 3) {
      const v = swap(root.nodeValue);
      if (v !== null && v !== root.nodeValue) root.nodeValue = v;
      return;
    }
    if (root.nodeType !== 1) return;
    const els = [root, ...root.querySelectorAll("*")];
    for (const el of els) {
      if (el.tagName === "STYLE" || el.tagName === "SCRIPT") continue;
      for (const a of A) {
        const v = el.getAttribute && el.getAttribute(a);
        if (v) { const s = swap(v); if (s !== null && s !== v) el.setAttribute(a, s); }
      }
      for (const n of el.childNodes) {
        if (n.nodeType === 3) { const s = swap(n.nodeValue); if (s !== null && s !== n.nodeValue) n.nodeValue = s; }
      }
    }
  };
  fix(doc.body);
  new w.MutationObserver((records) => {
    for (const r of records) {
      if (r.type === "characterData") fix(r.target);
      else if (r.type === "attributes") fix(r.target);
      else for (const n of r.addedNodes) fix(n);
    }
  }).observe(doc.body, {subtree: true, childList: true, characterData: true, attributes: true,
                        attributeFilter: A});
})();
"""


def localise_js() -> str:
    """The script (own code) that puts the libraries' English words in Chinese, once per browser tab."""
    return _SCRIPT % {"translations": json.dumps(TRANSLATIONS, ensure_ascii=False),
                      "prefixes": json.dumps(PREFIXES, ensure_ascii=False), "attributes": json.dumps(ATTRIBUTES),
                      "patterns": json.dumps(PATTERNS, ensure_ascii=False)}
