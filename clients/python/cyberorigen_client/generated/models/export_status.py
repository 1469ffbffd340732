from enum import StrEnum

class ExportStatus(StrEnum):
    DONE = "done"
    EXPIRED = "expired"
    FAILED = "failed"
    QUEUED = "queued"
    RUNNING = "running"

    def __str__(self) -> str:
        return str(self.value)
