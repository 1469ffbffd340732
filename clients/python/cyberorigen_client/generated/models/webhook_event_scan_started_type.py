from enum import StrEnum

class WebhookEventScanStartedType(StrEnum):
    SCAN_STARTED = "scan.started"

    def __str__(self) -> str:
        return str(self.value)
