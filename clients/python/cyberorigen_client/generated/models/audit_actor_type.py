from enum import StrEnum

class AuditActorType(StrEnum):
    ANONYMOUS = "anonymous"
    API_KEY = "api_key"
    CLI = "cli"
    SYSTEM = "system"
    USER = "user"

    def __str__(self) -> str:
        return str(self.value)
