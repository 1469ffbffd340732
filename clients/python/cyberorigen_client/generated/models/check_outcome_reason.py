from enum import StrEnum

class CheckOutcomeReason(StrEnum):
    CANCELLED = "cancelled"
    ERROR = "error"
    NOT_APPLICABLE = "not_applicable"
    NOT_EXAMINED = "not_examined"
    NOT_RUN = "not_run"
    TIMED_OUT = "timed_out"
    UNREACHABLE = "unreachable"

    def __str__(self) -> str:
        return str(self.value)
