-- TargetBoard store: performance-target documents (绩效目标表) read by ingest.parse and written by ingest.loader.
--
-- Conventions: English snake_case names, money in 万元 (suffix _wan), percentages in percent (suffix _pct),
-- line ranges are 1-based and inclusive (line_start..line_end) into the source file.
-- Keys: documents.sha256 is UNIQUE (a file is loaded once). Foreign keys are not declared because DuckDB
-- refuses to delete a parent row in the same transaction as its children (needed by --replace); referential
-- integrity is checked by tests/test_store.py instead.
-- This file is executed as a whole by ingest.loader.ensure_schema and must stay idempotent.
--
-- Scale: every child row carries its doc_id, and what every page needs per document or project (counts, sums,
-- coverage per category, review findings) is written by the loader in the same transaction as the rows it
-- summarises (columns marked "summary" below, tables project_coverage and review_findings), so that queries
-- filter the documents first and never aggregate the whole database before a filter applies.

-- ----------------------------------------------------------------------------------------------------------
-- Tables
-- ----------------------------------------------------------------------------------------------------------

CREATE TABLE IF NOT EXISTS documents (
    doc_id INTEGER PRIMARY KEY,
    source VARCHAR NOT NULL,                 -- file name as given to the loader
    sha256 VARCHAR NOT NULL UNIQUE,
    layout VARCHAR NOT NULL,                 -- a key of ingest.readers.LAYOUTS
    encoding VARCHAR NOT NULL,
    jurisdiction VARCHAR,                    -- most specific division, e.g. 西青区 / 平罗县 / 青岛市
    province VARCHAR,
    city VARCHAR,
    county VARCHAR,
    adcode VARCHAR,
    department VARCHAR,
    fiscal_year INTEGER,
    line_count INTEGER NOT NULL,
    warnings VARCHAR[] NOT NULL,             -- the warnings as shown (see parse_warnings for code and lines)
    loaded_at TIMESTAMP NOT NULL,
    layout_scores VARCHAR,                   -- JSON: detection score of every layout family tried
    is_ocr BOOLEAN NOT NULL DEFAULT false,   -- text read by OCR: to be checked against the original
    -- the place: adcode (division code) identifies it; place_name is for display only: the name, prefixed with
    -- its city (or province) when another loaded place has the same name (城区 of 阳泉市 / 汕尾市), kept current
    -- by the loader whenever a document of that name is written or deleted
    place_name VARCHAR,
    -- summary (loader): projects, sum of project totals, project funding rows, annual indicators
    n_projects INTEGER NOT NULL DEFAULT 0,
    projects_total_wan DOUBLE,
    funding_wan DOUBLE,
    n_indicators INTEGER NOT NULL DEFAULT 0,             -- project indicators (annual targets)
    n_department_indicators INTEGER NOT NULL DEFAULT 0,  -- 部门整体 table indicators (annual targets)
    n_warnings INTEGER NOT NULL DEFAULT 0
);

-- The document as display lines (what line_start/line_end everywhere refer to), stored at load time so the
-- dashboard shows the original without decoding the file a second time.
CREATE TABLE IF NOT EXISTS source_lines (
    doc_id INTEGER NOT NULL,
    line_no INTEGER NOT NULL,                -- 1-based
    text VARCHAR NOT NULL,
    PRIMARY KEY (doc_id, line_no)
);

-- Parser warnings as structured rows: a stable code, the lines, a plain Chinese message.
CREATE TABLE IF NOT EXISTS parse_warnings (
    doc_id INTEGER NOT NULL,
    position INTEGER NOT NULL,
    code VARCHAR NOT NULL,
    line_start INTEGER,
    line_end INTEGER,
    message VARCHAR NOT NULL,
    PRIMARY KEY (doc_id, position)
);

CREATE TABLE IF NOT EXISTS schema_info (
    version INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS department_overall (  -- 部门整体支出绩效目标表, at most one per document
    dept_overall_id INTEGER PRIMARY KEY,
    doc_id INTEGER NOT NULL UNIQUE,
    department VARCHAR,
    total_wan DOUBLE,
    basic_wan DOUBLE,                        -- 基本支出
    project_wan DOUBLE,                      -- 项目支出
    functions VARCHAR,                       -- 部门职能/职责概述
    goal VARCHAR,
    line_start INTEGER NOT NULL,
    line_end INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS projects (
    project_id INTEGER PRIMARY KEY,
    doc_id INTEGER NOT NULL,
    sequence INTEGER NOT NULL,               -- 1-based position in the document
    name VARCHAR NOT NULL,
    name_in_table VARCHAR,
    code VARCHAR,
    budget_unit VARCHAR,
    department VARCHAR,                      -- 主管(预算)部门 as printed in the project table
    implementing_unit VARCHAR,
    attribute VARCHAR,
    period VARCHAR,
    purpose VARCHAR,
    goal VARCHAR,
    goal_long_term VARCHAR,
    total_wan DOUBLE,
    theme VARCHAR NOT NULL,                  -- see ingest/data/themes.json
    theme_keyword VARCHAR,                   -- the keyword that decided the theme (NULL for 其他)
    truncated BOOLEAN NOT NULL DEFAULT false,  -- the table is cut off at the end of the file
    self_evaluation BOOLEAN NOT NULL DEFAULT false,  -- a self-evaluation table (自评表) stating the targets
    source_ref VARCHAR,                      -- binary sources: sheet and cell, page, HTML table and row
    line_start INTEGER NOT NULL,
    line_end INTEGER NOT NULL,
    -- summary (loader): sum of the funding rows (NULL without any), annual indicators, empty indicator rows
    funding_wan DOUBLE,
    n_indicators INTEGER NOT NULL DEFAULT 0,
    n_empty_slots INTEGER NOT NULL DEFAULT 0,
    UNIQUE (doc_id, sequence)
);

-- One row per project x funding source (project_id set) or per department-wide source (dept_overall_id set).
CREATE TABLE IF NOT EXISTS funding (
    funding_id INTEGER PRIMARY KEY,
    doc_id INTEGER NOT NULL,
    project_id INTEGER,
    dept_overall_id INTEGER,
    position INTEGER NOT NULL,
    source VARCHAR NOT NULL,                 -- label as printed, e.g. 中央补助 / 区级资金 / 财政拨款
    level VARCHAR NOT NULL CHECK (level IN ('central', 'provincial', 'city', 'county', 'fiscal', 'other')),
    amount_wan DOUBLE NOT NULL,
    CHECK ((project_id IS NULL) <> (dept_overall_id IS NULL))
);

CREATE TABLE IF NOT EXISTS spending_plan (  -- 资金支出计划, cumulative
    doc_id INTEGER NOT NULL,
    project_id INTEGER NOT NULL,
    period_index INTEGER NOT NULL,           -- 1-based
    period VARCHAR NOT NULL,                 -- e.g. 3月底
    value DOUBLE,                            -- cumulative, in unit, NULL where blank
    unit VARCHAR NOT NULL CHECK (unit IN ('%', '万元')),
    unit_as_printed VARCHAR,
    PRIMARY KEY (project_id, period_index)
);

-- Indicators of a project (project_id set) or of the department-wide table (dept_overall_id set).
CREATE TABLE IF NOT EXISTS indicators (
    indicator_id INTEGER PRIMARY KEY,
    doc_id INTEGER NOT NULL,
    project_id INTEGER,
    dept_overall_id INTEGER,
    position INTEGER NOT NULL,               -- 1-based order within its project / department table
    level1 VARCHAR CHECK (level1 IS NULL OR level1 IN ('产出指标', '效益指标', '满意度指标', '成本指标')),
    level2 VARCHAR,
    level1_raw VARCHAR,
    level2_raw VARCHAR,
    name VARCHAR NOT NULL,
    value VARCHAR NOT NULL,                  -- 指标值 as printed
    op VARCHAR CHECK (op IS NULL OR op IN ('>=', '<=', '=', '>', '<', 'range')),
    target_number DOUBLE,
    target_number_max DOUBLE,
    target_unit VARCHAR,
    target_kind VARCHAR NOT NULL CHECK (target_kind IN ('percent', 'count', 'money', 'deadline', 'duration',
        'number', 'qualitative', 'placeholder', 'empty')),
    target_wan DOUBLE,                       -- money targets converted to 万元
    target_date DATE,                        -- deadlines with a calendar date
    target_pct DOUBLE,                       -- the threshold in percent when target_unit is % (a satisfaction target
                                             -- printed as a bare number from 50 to 100 too: ≥90)
    flags VARCHAR[] NOT NULL,
    description VARCHAR,
    basis VARCHAR,
    weight DOUBLE,
    actual VARCHAR,                          -- 实际完成值 (self-evaluation tables), as printed
    score DOUBLE,                            -- 得分 (self-evaluation tables)
    remarks VARCHAR,
    target_set VARCHAR NOT NULL DEFAULT 'annual' CHECK (target_set IN ('annual', 'mid')),  -- mid: 中期/长期 column
    source_ref VARCHAR,                      -- binary sources: sheet and cell, page, HTML table and row
    line_start INTEGER NOT NULL,
    line_end INTEGER NOT NULL,
    CHECK ((project_id IS NULL) <> (dept_overall_id IS NULL))
);

CREATE TABLE IF NOT EXISTS empty_slots (  -- level-2 rows of the form left empty
    slot_id INTEGER PRIMARY KEY,
    doc_id INTEGER NOT NULL,
    project_id INTEGER,
    dept_overall_id INTEGER,
    position INTEGER NOT NULL,
    level1 VARCHAR,
    level2 VARCHAR,
    line_start INTEGER NOT NULL,
    line_end INTEGER NOT NULL,
    CHECK ((project_id IS NULL) <> (dept_overall_id IS NULL))
);

-- Summary (loader): one row per project x coverage category (all nine, 0 = not covered), for the projects whose
-- table is complete (a table cut off at the end of its file is left out: its missing categories were cut).
CREATE TABLE IF NOT EXISTS project_coverage (
    project_id INTEGER NOT NULL,
    doc_id INTEGER NOT NULL,
    theme VARCHAR NOT NULL,
    category VARCHAR NOT NULL,
    category_order INTEGER NOT NULL,
    n_indicators INTEGER NOT NULL,
    PRIMARY KEY (project_id, category)
);

-- Summary (loader): project funding per document x theme x source level: the sum, the projects with a positive
-- amount there and the source labels as printed (sorted, distinct). Every funding metric reads this table.
CREATE TABLE IF NOT EXISTS doc_funding (
    doc_id INTEGER NOT NULL,
    theme VARCHAR NOT NULL,
    level VARCHAR NOT NULL,
    amount_wan DOUBLE NOT NULL,
    n_projects INTEGER NOT NULL,
    sources VARCHAR[] NOT NULL,
    PRIMARY KEY (doc_id, theme, level)
);

-- Summary (loader): project_coverage added up per document x theme x category (projects of complete tables).
CREATE TABLE IF NOT EXISTS doc_coverage (
    doc_id INTEGER NOT NULL,
    theme VARCHAR NOT NULL,
    category VARCHAR NOT NULL,
    category_order INTEGER NOT NULL,
    n_projects INTEGER NOT NULL,
    n_covering INTEGER NOT NULL,             -- projects with at least one indicator of the category
    n_indicators INTEGER NOT NULL,
    PRIMARY KEY (doc_id, theme, category)
);

-- Summary (loader): the project indicators (annual targets) per document x theme: how many, by target class
-- (v_indicators.target_class), and the satisfaction targets (level 1 满意度指标) with their thresholds in %.
CREATE TABLE IF NOT EXISTS doc_targets (
    doc_id INTEGER NOT NULL,
    theme VARCHAR NOT NULL,
    n_indicators INTEGER NOT NULL,
    n_quantified INTEGER NOT NULL,
    n_qualitative INTEGER NOT NULL,
    n_placeholder INTEGER NOT NULL,
    n_empty INTEGER NOT NULL,
    n_satisfaction INTEGER NOT NULL,
    n_satisfaction_pct INTEGER NOT NULL,     -- with a threshold in %
    n_ge_90 INTEGER NOT NULL,
    n_lt_80 INTEGER NOT NULL,
    n_eq_100 INTEGER NOT NULL,
    PRIMARY KEY (doc_id, theme)
);

-- Summary (loader, review.engine.review_documents): the findings of the review rules (review/rules.json, default
-- parameters) for every loaded table, written with the document. review_state holds the fingerprint of the rules
-- they were computed with; when the rules change, the findings are recomputed (or computed live until then).
CREATE TABLE IF NOT EXISTS review_findings (
    doc_id INTEGER NOT NULL,
    scope VARCHAR NOT NULL CHECK (scope IN ('project', 'department')),
    project_id INTEGER,
    dept_overall_id INTEGER,
    rule_id VARCHAR NOT NULL,
    rule_order INTEGER NOT NULL,             -- position of the rule in rules.json
    row_no INTEGER NOT NULL,                 -- position of the finding in the rule's output
    group_name VARCHAR NOT NULL,
    severity VARCHAR NOT NULL CHECK (severity IN ('error', 'warning', 'info')),
    severity_rank INTEGER NOT NULL,          -- 0 error, 1 warning, 2 info
    title VARCHAR NOT NULL,
    message VARCHAR NOT NULL,
    indicator_id INTEGER,
    slot_id INTEGER,
    indicator_name VARCHAR,
    indicator_value VARCHAR,
    level1 VARCHAR,
    level2 VARCHAR,
    anchor VARCHAR NOT NULL CHECK (anchor IN ('indicator', 'empty_row', 'table')),
    line_start INTEGER,
    line_end INTEGER
);

CREATE TABLE IF NOT EXISTS review_state (
    fingerprint VARCHAR NOT NULL             -- review.engine.rules_fingerprint() when review_findings was written
);

CREATE TABLE IF NOT EXISTS load_log (  -- every load attempt, including failures and skips
    log_id INTEGER PRIMARY KEY,
    source VARCHAR NOT NULL,
    sha256 VARCHAR,                          -- NULL when the file could not be read
    status VARCHAR NOT NULL CHECK (status IN ('loaded', 'skipped', 'replaced', 'failed')),
    message VARCHAR,
    doc_id INTEGER,                          -- the document written (loaded / replaced) or already present (skipped)
    logged_at TIMESTAMP NOT NULL
);

-- ----------------------------------------------------------------------------------------------------------
-- Reference views
-- ----------------------------------------------------------------------------------------------------------

-- Funding levels: the one label set of SQL and the dashboard (ui/formatting.py LEVEL_LABELS, checked by a test).
-- stated = false: the form does not say whose money it is (财政拨款, 财政资金, 一般公共预算 …): 未注明级次.
CREATE OR REPLACE VIEW v_funding_levels AS
SELECT * FROM (VALUES
    ('central', '中央', 1, true),
    ('provincial', '省级', 2, true),
    ('city', '市级', 3, true),
    ('county', '区县级', 4, true),
    ('other', '其他', 5, true),
    ('fiscal', '未注明级次', 6, false)
) t(level, level_zh, level_order, stated);

-- Coverage categories: canonical level-2 values grouped (the four cost kinds count as one 成本 category).
CREATE OR REPLACE VIEW v_indicator_categories AS
SELECT * FROM (VALUES
    ('数量指标', '数量', 1),
    ('质量指标', '质量', 2),
    ('时效指标', '时效', 3),
    ('成本指标', '成本', 4),
    ('经济成本指标', '成本', 4),
    ('社会成本指标', '成本', 4),
    ('生态环境成本指标', '成本', 4),
    ('经济效益指标', '经济效益', 5),
    ('社会效益指标', '社会效益', 6),
    ('生态效益指标', '生态效益', 7),
    ('可持续影响指标', '可持续影响', 8),
    ('服务对象满意度指标', '满意度', 9)
) t(level2, category, category_order);

CREATE OR REPLACE VIEW v_category_list AS
SELECT DISTINCT category, category_order FROM v_indicator_categories;

-- ----------------------------------------------------------------------------------------------------------
-- Base views: every row carries the filter columns province, jurisdiction, fiscal_year, department, theme
-- ----------------------------------------------------------------------------------------------------------

-- target_class splits targets into quantified / qualitative / placeholder:
--   quantified  = kind percent, count, money, duration, number, or deadline with a calendar date
--   qualitative = kind qualitative, or deadline without a date (e.g. 每月按时完成, 长期)
--   placeholder = kind placeholder or empty (no usable target: 年度计划, **平米, blank cell)
CREATE OR REPLACE MACRO tb_target_class(kind, target_date) AS
    CASE
        WHEN kind IN ('percent', 'count', 'money', 'duration', 'number') THEN 'quantified'
        WHEN kind = 'deadline' AND target_date IS NOT NULL THEN 'quantified'
        WHEN kind IN ('qualitative', 'deadline') THEN 'qualitative'
        ELSE 'placeholder'
    END;

-- place: the key of a jurisdiction, its division code (adcode), or its name where no code was found; place_name:
-- the name to show (unique among the loaded places, see documents.place_name). Filters and groups use place.
CREATE OR REPLACE VIEW v_documents AS
SELECT
    d.doc_id, d.source AS source_file, d.sha256, d.layout, d.encoding,
    d.province, d.city, d.county, d.jurisdiction, d.adcode, coalesce(d.adcode, d.jurisdiction) AS place,
    coalesce(d.place_name, d.jurisdiction) AS place_name, d.department, d.fiscal_year,
    coalesce(d.place_name, d.jurisdiction, d.source) || coalesce(' ' || d.fiscal_year || '年', '') AS label,
    d.line_count, d.warnings, d.loaded_at,
    d.n_projects, d.projects_total_wan, d.funding_wan, d.n_indicators, d.n_department_indicators, d.n_warnings,
    o.dept_overall_id
FROM documents d
LEFT JOIN department_overall o ON o.doc_id = d.doc_id;

CREATE OR REPLACE VIEW v_projects AS
SELECT
    p.project_id, p.doc_id, d.source AS source_file,
    d.province, d.city, d.county, d.jurisdiction, d.adcode, coalesce(d.adcode, d.jurisdiction) AS place,
    coalesce(d.place_name, d.jurisdiction) AS place_name, d.fiscal_year, d.department,
    p.theme, p.theme_keyword,
    p.sequence, p.name, p.name_in_table, p.code, p.budget_unit, p.department AS project_department,
    p.implementing_unit, p.attribute, p.period, p.purpose, p.goal, p.goal_long_term,
    p.total_wan, p.truncated, p.self_evaluation,
    p.funding_wan, p.n_indicators, p.n_empty_slots,
    p.line_start, p.line_end
FROM projects p
JOIN documents d ON d.doc_id = p.doc_id;

CREATE OR REPLACE VIEW v_funding AS  -- project-level funding only (see v_department_funding)
SELECT
    f.funding_id, f.project_id, f.doc_id, d.source AS source_file,
    d.province, d.city, d.county, d.jurisdiction, d.adcode, coalesce(d.adcode, d.jurisdiction) AS place,
    coalesce(d.place_name, d.jurisdiction) AS place_name, d.fiscal_year, d.department, p.theme,
    p.sequence AS project_sequence, p.name AS project_name,
    f.position, f.source AS funding_source, f.level, l.level_zh, l.level_order, f.amount_wan
FROM funding f
JOIN documents d ON d.doc_id = f.doc_id
JOIN projects p ON p.project_id = f.project_id
LEFT JOIN v_funding_levels l ON l.level = f.level;

CREATE OR REPLACE VIEW v_department_funding AS
SELECT
    f.funding_id, f.dept_overall_id, f.doc_id, d.source AS source_file,
    d.province, d.city, d.county, d.jurisdiction, d.adcode, coalesce(d.adcode, d.jurisdiction) AS place,
    coalesce(d.place_name, d.jurisdiction) AS place_name, d.fiscal_year, d.department, NULL::VARCHAR AS theme,
    f.position, f.source AS funding_source, f.level, l.level_zh, l.level_order, f.amount_wan
FROM funding f
JOIN documents d ON d.doc_id = f.doc_id
LEFT JOIN v_funding_levels l ON l.level = f.level
WHERE f.dept_overall_id IS NOT NULL;

-- target_class: see tb_target_class above.
CREATE OR REPLACE VIEW v_indicators AS
SELECT
    i.indicator_id,
    CASE WHEN i.project_id IS NULL THEN 'department' ELSE 'project' END AS scope,
    i.project_id, i.dept_overall_id, i.doc_id, d.source AS source_file,
    d.province, d.city, d.county, d.jurisdiction, d.adcode, coalesce(d.adcode, d.jurisdiction) AS place,
    coalesce(d.place_name, d.jurisdiction) AS place_name, d.fiscal_year, d.department, p.theme,
    p.sequence AS project_sequence, p.name AS project_name,
    i.position, i.level1, i.level2, i.level1_raw, i.level2_raw,
    coalesce(c.category, CASE i.level1 WHEN '满意度指标' THEN '满意度' WHEN '成本指标' THEN '成本' END) AS category,
    coalesce(c.category_order, CASE i.level1 WHEN '满意度指标' THEN 9 WHEN '成本指标' THEN 4 END) AS category_order,
    i.name, i.value, i.op, i.target_number, i.target_number_max, i.target_unit, i.target_kind,
    i.target_wan, i.target_date, i.target_pct, i.flags,
    tb_target_class(i.target_kind, i.target_date) AS target_class,
    i.description, i.basis, i.weight, i.actual, i.score, i.remarks, i.target_set,
    coalesce(p.truncated, false) AS truncated, i.line_start, i.line_end
FROM indicators i
JOIN documents d ON d.doc_id = i.doc_id
LEFT JOIN projects p ON p.project_id = i.project_id
LEFT JOIN v_indicator_categories c ON c.level2 = i.level2
WHERE i.target_set = 'annual';  -- the year's targets; a mid-term (中期) column is kept in the table, not here

CREATE OR REPLACE VIEW v_empty_slots AS
SELECT
    s.slot_id,
    CASE WHEN s.project_id IS NULL THEN 'department' ELSE 'project' END AS scope,
    s.project_id, s.dept_overall_id, s.doc_id, d.source AS source_file,
    d.province, d.city, d.county, d.jurisdiction, d.adcode, coalesce(d.adcode, d.jurisdiction) AS place,
    coalesce(d.place_name, d.jurisdiction) AS place_name, d.fiscal_year, d.department, p.theme,
    p.name AS project_name, s.position, s.level1, s.level2, s.line_start, s.line_end
FROM empty_slots s
JOIN documents d ON d.doc_id = s.doc_id
LEFT JOIN projects p ON p.project_id = s.project_id;

-- One row per project x coverage category, with the number of the project's indicators in it (0 = not covered),
-- from the summary table project_coverage. Tables cut off at the end of their file (truncated) are left out:
-- their missing categories are not real gaps.
CREATE OR REPLACE VIEW v_project_coverage AS
SELECT
    c.project_id, c.doc_id, d.province, d.city, d.county, d.jurisdiction, d.adcode,
    coalesce(d.adcode, d.jurisdiction) AS place, coalesce(d.place_name, d.jurisdiction) AS place_name,
    d.fiscal_year, d.department, c.theme,
    p.sequence AS project_sequence, p.name AS project_name,
    c.category, c.category_order, c.n_indicators
FROM project_coverage c
JOIN documents d ON d.doc_id = c.doc_id
JOIN projects p ON p.project_id = c.project_id;

-- value_pct / value_wan: the cumulative plan in both units (converted with the project total).
CREATE OR REPLACE VIEW v_spending_plan AS
SELECT
    s.project_id, p.doc_id, p.source_file,
    p.province, p.city, p.county, p.jurisdiction, p.adcode, p.place, p.place_name, p.fiscal_year, p.department,
    p.theme, p.name AS project_name, p.total_wan,
    s.period_index, s.period, s.value, s.unit, s.unit_as_printed,
    CASE WHEN s.unit = '%' THEN s.value ELSE s.value * 100 / nullif(p.total_wan, 0) END AS value_pct,
    CASE WHEN s.unit = '万元' THEN s.value ELSE s.value * p.total_wan / 100 END AS value_wan
FROM spending_plan s
JOIN v_projects p ON p.project_id = s.project_id;

-- ----------------------------------------------------------------------------------------------------------
-- Filtered base views used by queries/*.sql. The five filters are the same everywhere, NULL = no filter:
-- p_province, p_jurisdictions (list), p_years (list), p_department, p_theme.
-- ----------------------------------------------------------------------------------------------------------

-- p_jurisdictions holds places (division codes; a name is accepted too and then matches every place of that name,
-- for the command line: the dashboard always passes codes, so 城区 of 阳泉市 and of 汕尾市 stay apart).
CREATE OR REPLACE MACRO tb_match(p_province, p_jurisdictions, p_years, p_department, p_theme,
                                 province, place, jurisdiction, fiscal_year, department, theme) AS
    (p_province IS NULL OR province = p_province)
    AND (p_jurisdictions IS NULL OR coalesce(list_contains(p_jurisdictions, place), false)
         OR coalesce(list_contains(p_jurisdictions, jurisdiction), false))
    AND (p_years IS NULL OR coalesce(list_contains(p_years, fiscal_year), false))
    AND (p_department IS NULL OR department = p_department)
    AND (p_theme IS NULL OR theme = p_theme);

-- Text normalised for search: lower case, all white space removed.
CREATE OR REPLACE MACRO tb_norm(txt) AS lower(regexp_replace(coalesce(txt, ''), '\s', '', 'g'));

CREATE OR REPLACE MACRO f_documents(p_province, p_jurisdictions, p_years, p_department, p_theme) AS TABLE
SELECT * FROM v_documents d
WHERE tb_match(p_province, p_jurisdictions, p_years, p_department, NULL,
               d.province, d.place, d.jurisdiction, d.fiscal_year, d.department, NULL)
  AND (p_theme IS NULL OR EXISTS (SELECT 1 FROM projects p WHERE p.doc_id = d.doc_id AND p.theme = p_theme));

CREATE OR REPLACE MACRO f_projects(p_province, p_jurisdictions, p_years, p_department, p_theme) AS TABLE
SELECT * FROM v_projects
WHERE tb_match(p_province, p_jurisdictions, p_years, p_department, p_theme,
               province, place, jurisdiction, fiscal_year, department, theme);

CREATE OR REPLACE MACRO f_funding(p_province, p_jurisdictions, p_years, p_department, p_theme) AS TABLE
SELECT * FROM v_funding
WHERE tb_match(p_province, p_jurisdictions, p_years, p_department, p_theme,
               province, place, jurisdiction, fiscal_year, department, theme);

CREATE OR REPLACE MACRO f_department_funding(p_province, p_jurisdictions, p_years, p_department, p_theme) AS TABLE
SELECT * FROM v_department_funding
WHERE tb_match(p_province, p_jurisdictions, p_years, p_department, p_theme,
               province, place, jurisdiction, fiscal_year, department, theme);

CREATE OR REPLACE MACRO f_indicators(p_province, p_jurisdictions, p_years, p_department, p_theme) AS TABLE
SELECT * FROM v_indicators
WHERE tb_match(p_province, p_jurisdictions, p_years, p_department, p_theme,
               province, place, jurisdiction, fiscal_year, department, theme);

CREATE OR REPLACE MACRO f_empty_slots(p_province, p_jurisdictions, p_years, p_department, p_theme) AS TABLE
SELECT * FROM v_empty_slots
WHERE tb_match(p_province, p_jurisdictions, p_years, p_department, p_theme,
               province, place, jurisdiction, fiscal_year, department, theme);

CREATE OR REPLACE MACRO f_spending_plan(p_province, p_jurisdictions, p_years, p_department, p_theme) AS TABLE
SELECT * FROM v_spending_plan
WHERE tb_match(p_province, p_jurisdictions, p_years, p_department, p_theme,
               province, place, jurisdiction, fiscal_year, department, theme);

CREATE OR REPLACE MACRO f_project_coverage(p_province, p_jurisdictions, p_years, p_department, p_theme) AS TABLE
SELECT * FROM v_project_coverage
WHERE tb_match(p_province, p_jurisdictions, p_years, p_department, p_theme,
               province, place, jurisdiction, fiscal_year, department, theme);
