from enum import StrEnum

class WebhookEventServiceDiscoveredType(StrEnum):
    SERVICE_DISCOVERED = "service.discovered"

    def __str__(self) -> str:
        return str(self.value)
