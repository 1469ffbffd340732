from enum import StrEnum

class WebhookEventEvidenceExpiringType(StrEnum):
    EVIDENCE_EXPIRING = "evidence.expiring"

    def __str__(self) -> str:
        return str(self.value)
