"""Checks on a parsed document. Schema drift raises; doubtful content becomes a warning on the document."""

from __future__ import annotations

from ingest.errors import IngestError
from ingest.grid import ParseWarning
from ingest.model import Document
from ingest.taxonomy import FUNDING_LEVELS, load_aliases

TOLERANCE_WAN = 0.005


def validate_document(document: Document) -> None:
    level1 = set(load_aliases()["level1"])
    level2 = set(load_aliases()["level2"])
    owners = list(document.projects)
    if document.department_overall:
        owners.append(document.department_overall)
    for owner in owners:
        for indicator in owner.indicators:
            if indicator.level1 is not None and indicator.level1 not in level1:
                raise IngestError(document.source, f"未知的一级指标「{indicator.level1}」", line=indicator.line_start)
            if indicator.level2 is not None and indicator.level2 not in level2:
                raise IngestError(document.source, f"未知的二级指标「{indicator.level2}」", line=indicator.line_start)
            if indicator.level2 is None:
                document.warnings.append(ParseWarning("level2_missing", f"指标「{indicator.name}」缺少二级指标。",
                                                      indicator.line_start))
            if indicator.line_start <= 0 or indicator.line_end < indicator.line_start:
                raise IngestError(document.source, "指标缺少原文行号", line=indicator.line_start or None)
        for source in owner.funding:
            if source.level not in FUNDING_LEVELS:
                raise IngestError(document.source, f"未知的资金来源级别「{source.level}」", line=owner.line_start)
    for project in document.projects:
        if not project.name:
            raise IngestError(document.source, "项目缺少名称", line=project.line_start)
        if project.total_wan is not None and project.funding:
            summed = sum(s.amount_wan for s in project.funding)
            if abs(summed - project.total_wan) > TOLERANCE_WAN:
                document.warnings.append(ParseWarning(
                    "funding_mismatch", f"项目「{project.name}」各资金来源合计 {summed:g} 万元，"
                    f"与年度资金总额 {project.total_wan:g} 万元不符。", project.line_start))
