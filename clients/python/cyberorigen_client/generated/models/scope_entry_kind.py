from enum import StrEnum

class ScopeEntryKind(StrEnum):
    DOMAIN = "domain"
    IP = "ip"
    NETWORK = "network"

    def __str__(self) -> str:
        return str(self.value)
