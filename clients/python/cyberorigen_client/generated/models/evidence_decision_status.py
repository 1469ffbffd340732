from enum import StrEnum

class EvidenceDecisionStatus(StrEnum):
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    SUBMITTED = "submitted"

    def __str__(self) -> str:
        return str(self.value)
