from enum import StrEnum

class EvidenceReviewedDataKind(StrEnum):
    FILE = "file"
    LINK = "link"
    NOTE = "note"

    def __str__(self) -> str:
        return str(self.value)
