from enum import StrEnum

class ExportCreateKind(StrEnum):
    EVIDENCE_BUNDLE = "evidence_bundle"
    EXECUTIVE_SUMMARY = "executive_summary"
    FRAMEWORK_REPORT = "framework_report"
    STATEMENT_OF_APPLICABILITY = "statement_of_applicability"

    def __str__(self) -> str:
        return str(self.value)
