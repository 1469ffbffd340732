from enum import StrEnum

class ListFindingsStatus(StrEnum):
    ACCEPTED_RISK = "accepted_risk"
    FALSE_POSITIVE = "false_positive"
    FIXED = "fixed"
    OPEN = "open"

    def __str__(self) -> str:
        return str(self.value)
