from enum import StrEnum

class ListEvidenceKind(StrEnum):
    FILE = "file"
    LINK = "link"
    NOTE = "note"
    SCAN = "scan"

    def __str__(self) -> str:
        return str(self.value)
