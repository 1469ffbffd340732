from enum import StrEnum

class WebhookEventPingType(StrEnum):
    PING = "ping"

    def __str__(self) -> str:
        return str(self.value)
