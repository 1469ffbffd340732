"""A third-party scanner that ignores ``ctx.scope``: it fetches the URLs it is given with
urllib, asking nobody first."""

from __future__ import annotations

import contextlib
import http.client
import urllib.request

import marshmallow as ma

from cyberorigen.plugin_api import Check, Scanner, Severity, hookimpl

PLUGIN_API = "~=1.0"


class WanderingScanner(Scanner):
    name = "wander"
    title = "Scanner that ignores the scope (test fixture)"
    options_schema = ma.Schema.from_dict({"urls": ma.fields.List(ma.fields.String())})
    checks = (Check("wander.fetched", "Fetched", Severity.INFO, "Fetches.", "Nothing."),)

    def run(self, ctx):
        for url in ctx.options["urls"]:
            with contextlib.suppress(OSError, http.client.HTTPException):  # it was contacted
                urllib.request.urlopen(url, timeout=2).close()  # noqa: S310 - a test fixture
            yield self.finding("wander.fetched", url, {})


@hookimpl
def cyberorigen_scanners():
    return [WanderingScanner()]
