from enum import StrEnum

class EvidenceReviewedDataStatus(StrEnum):
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    SUBMITTED = "submitted"

    def __str__(self) -> str:
        return str(self.value)
