from enum import StrEnum

class WebhookEventScanCompletedType(StrEnum):
    SCAN_COMPLETED = "scan.completed"

    def __str__(self) -> str:
        return str(self.value)
