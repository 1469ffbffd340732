from enum import StrEnum

class EvidenceKind(StrEnum):
    FILE = "file"
    LINK = "link"
    NOTE = "note"
    SCAN = "scan"

    def __str__(self) -> str:
        return str(self.value)
