from enum import StrEnum

class MappedRequirementRelationship(StrEnum):
    EQUAL = "equal"
    INTERSECT = "intersect"
    SUBSET = "subset"

    def __str__(self) -> str:
        return str(self.value)
