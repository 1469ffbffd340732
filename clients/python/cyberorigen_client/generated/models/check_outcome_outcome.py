from enum import StrEnum

class CheckOutcomeOutcome(StrEnum):
    FAILED = "failed"
    INCONCLUSIVE = "inconclusive"
    PASSED = "passed"

    def __str__(self) -> str:
        return str(self.value)
