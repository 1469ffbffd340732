from enum import StrEnum

class WebhookEventFindingStatusChangedType(StrEnum):
    FINDING_STATUS_CHANGED = "finding.status_changed"

    def __str__(self) -> str:
        return str(self.value)
