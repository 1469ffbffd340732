from enum import StrEnum

class EvidenceDecisionDecision(StrEnum):
    ACCEPT = "accept"
    REJECT = "reject"

    def __str__(self) -> str:
        return str(self.value)
