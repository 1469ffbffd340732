from enum import StrEnum

class WebhookEventAssetDiscoveredType(StrEnum):
    ASSET_DISCOVERED = "asset.discovered"

    def __str__(self) -> str:
        return str(self.value)
