from enum import StrEnum

class UserUpdateRole(StrEnum):
    ADMIN = "admin"
    ANALYST = "analyst"
    AUDITOR = "auditor"
    VIEWER = "viewer"

    def __str__(self) -> str:
        return str(self.value)
