from enum import StrEnum

class ScannerRunStatus(StrEnum):
    CANCELLED = "cancelled"
    COMPLETED = "completed"
    FAILED = "failed"
    NOT_APPLICABLE = "not_applicable"
    PENDING = "pending"
    RUNNING = "running"
    SKIPPED = "skipped"
    TIMED_OUT = "timed_out"

    def __str__(self) -> str:
        return str(self.value)
