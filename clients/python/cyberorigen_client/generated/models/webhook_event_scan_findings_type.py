from enum import StrEnum

class WebhookEventScanFindingsType(StrEnum):
    SCAN_FINDINGS = "scan.findings"

    def __str__(self) -> str:
        return str(self.value)
