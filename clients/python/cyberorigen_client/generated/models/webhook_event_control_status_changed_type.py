from enum import StrEnum

class WebhookEventControlStatusChangedType(StrEnum):
    CONTROL_STATUS_CHANGED = "control.status_changed"

    def __str__(self) -> str:
        return str(self.value)
