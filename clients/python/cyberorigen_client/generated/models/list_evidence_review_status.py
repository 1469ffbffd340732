from enum import StrEnum

class ListEvidenceReviewStatus(StrEnum):
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    SUBMITTED = "submitted"

    def __str__(self) -> str:
        return str(self.value)
