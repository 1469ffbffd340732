from __future__ import annotations

import marshmallow as ma
from marshmallow import fields, validate


class ExecutiveArgsSchema(ma.Schema):
    class Meta:
        unknown = ma.EXCLUDE

    frameworks = fields.String(
        validate=validate.Length(max=1000),
        metadata={
            "description": "Comma-separated framework ids or aliases; every installed "
            "framework when left out.",
            "example": "soc2,pci-dss",
        },
    )


#: The documented body of a binary download.
BINARY = {"type": "string", "format": "binary"}
#: The documented body of an HTML page.
HTML_PAGE = {"type": "string", "description": "A printable HTML page (no script)."}
