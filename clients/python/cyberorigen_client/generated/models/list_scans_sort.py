from enum import StrEnum

class ListScansSort(StrEnum):
    CREATED_AT = "created_at"
    VALUE_0 = "-created_at"

    def __str__(self) -> str:
        return str(self.value)
