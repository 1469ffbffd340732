from enum import StrEnum

class PluginStatus(StrEnum):
    BLOCKED = "blocked"
    FAILED = "failed"
    INCOMPATIBLE = "incompatible"
    LOADED = "loaded"

    def __str__(self) -> str:
        return str(self.value)
