"""Caps on what one page sends to the browser, in one place (the dashboard must stay fast at national scale:
thousands of documents, tens of thousands of projects). Pages aggregate in SQL first and show the top N with
paging; nothing unbounded is wrapped in a pandas Styler (Streamlit refuses styled tables over 262,144 cells)."""

PAGE_SIZE = 50  # rows per page of a long table (with the totals of all rows above it)
STYLER_MAX_CELLS = 20_000  # a table is styled (row colours) only below this many cells; a page is far below it
MAX_BARS = 25  # bars (jurisdiction-years, rules, places) drawn on one chart; the rest are summed as 其他
MAX_HEATMAP_ROWS = 60  # projects on the coverage heatmap (the table below lists all, paged)
MAX_TREEMAP_PROJECTS = 150  # project tiles on the treemap (smaller projects are summed per theme)
MAX_STRIP_POINTS = 3_000  # satisfaction targets drawn as dots
MAX_COMPARE_CARDS = 15  # jurisdiction-year cards on 跨地区对比
MAX_SOURCE_LINES = 400  # original lines shown at once on 项目明细
LABEL_WIDTH = 40  # display cells of a label on a chart axis (CJK = 2)
