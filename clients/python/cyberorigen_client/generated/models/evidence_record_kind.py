from enum import StrEnum

class EvidenceRecordKind(StrEnum):
    LINK = "link"
    NOTE = "note"

    def __str__(self) -> str:
        return str(self.value)
