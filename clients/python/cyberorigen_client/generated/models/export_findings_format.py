from enum import StrEnum

class ExportFindingsFormat(StrEnum):
    CSV = "csv"
    JSONL = "jsonl"
    OCSF = "ocsf"
    SARIF = "sarif"

    def __str__(self) -> str:
        return str(self.value)
