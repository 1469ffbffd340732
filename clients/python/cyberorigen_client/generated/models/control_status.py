from enum import StrEnum

class ControlStatus(StrEnum):
    IMPLEMENTED = "implemented"
    NOT_APPLICABLE = "not_applicable"
    NOT_ASSESSED = "not_assessed"
    NOT_IMPLEMENTED = "not_implemented"
    PARTIALLY_IMPLEMENTED = "partially_implemented"

    def __str__(self) -> str:
        return str(self.value)
