"""Caps on what one page sends to the browser, in one place (the dashboard must stay fast at national scale:
thousands of documents, tens of thousands of projects). Pages aggregate in SQL first and show the top N with
paging; nothing unbounded is wrapped in a pandas Styler (Streamlit refuses styled tables over 262,144 cells)."""

PAGE_SIZE = 50  # rows per page of a long table (with the totals of all rows above it)
STYLER_MAX_CELLS = 20_000  # a table is styled (row colours) only below this many cells; a page is far below it
MAX_BARS = 25  # bars (jurisdiction-years, rules, places) drawn on one chart; the rest are summed as 其他
MAX_HEATMAP_ROWS = 60  # projects on the coverage heatmap (the table below lists all, paged)
MAX_TREEMAP_PROJECTS = 150  # project tiles on the treemap (smaller projects are summed per theme)
MAX_STRIP_POINTS = 3_000  # satisfaction targets drawn as dots
MAX_DRILL_OPTIONS = 60  # areas offered by the 跨地区对比 drill list (provinces, cities of a province, places of a city)
MAX_SOURCE_LINES = 400  # original lines shown at once on 项目明细
LABEL_WIDTH = 40  # display cells of a label on a chart axis (CJK = 2)
MAX_FILTER_OPTIONS = 3_000  # values offered by one sidebar filter (every place of the nation fits; departments may not)
MAX_PAGE_CHOICES = 200  # pages listed in a table's page picker; beyond, a number box
MAX_SOURCE_FILES = 200  # source file names written into an export's context rows (then "等 N 个文件")
MAX_SENTENCES = 10  # per-place sentences on 总览 (the places with the most money; the table lists all, paged)
MAX_HEATMAP_PROJECTS = 300  # up to this many projects the coverage heatmap shows one row each (paged by 60);
# beyond, it shows areas (provinces, cities or places) x categories, at most MAX_HEATMAP_ROWS of them
MAX_CHART_CELLS = 5_000  # points, bars or cells one chart may hold (the cap test checks every chart against it)
MAX_TABLE_ROWS = PAGE_SIZE  # rows one table may send (a page)
