from enum import StrEnum

class EvidenceReviewedDataDecision(StrEnum):
    ACCEPT = "accept"
    REJECT = "reject"

    def __str__(self) -> str:
        return str(self.value)
