"""Streamlit-free helpers of the dashboard, tested with plain pytest (tests/test_ui.py).

- ``formatting``: amounts in 万元, percentages, Chinese labels of codes (funding levels, target classes).
- ``privacy``: masking personal phone numbers in any text shown or exported.
- ``export``: tables as .xlsx (bold frozen header, 万元 number formats, widths) and .csv (utf-8-sig).
- ``sources``: numbered lines of a source document for a line range, with the selected rows marked.
- ``state``: the sidebar filters and their URL query-string form.
- ``tables``: the display tables (Chinese column names) built from query results.
- ``findings``: computed sentences and chart titles that state what stands out.
- ``charts``: plotly figures (CJK font, axis titles with units).

Column naming convention of display tables (read by ``export`` and by the pages' column formats): a column whose
name ends in ``（万元）`` holds amounts in 万元, one ending in ``（%）`` holds percentages.
"""
