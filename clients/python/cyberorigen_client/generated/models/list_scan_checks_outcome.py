from enum import StrEnum

class ListScanChecksOutcome(StrEnum):
    FAILED = "failed"
    INCONCLUSIVE = "inconclusive"
    PASSED = "passed"

    def __str__(self) -> str:
        return str(self.value)
