from enum import StrEnum

class WebhookEventEvidenceReviewedType(StrEnum):
    EVIDENCE_REVIEWED = "evidence.reviewed"

    def __str__(self) -> str:
        return str(self.value)
