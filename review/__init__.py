"""Review of performance targets (绩效目标审核): rules in review/rules.json, engine in review.engine, Excel report in
review.report. Entry points: ``review.engine.run_review`` and ``review.engine.main_review``."""
