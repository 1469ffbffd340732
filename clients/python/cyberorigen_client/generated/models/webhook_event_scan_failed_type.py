from enum import StrEnum

class WebhookEventScanFailedType(StrEnum):
    SCAN_FAILED = "scan.failed"

    def __str__(self) -> str:
        return str(self.value)
