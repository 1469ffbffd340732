"""Two things for ``bench/pipeline_overhead.py``, in a module that imports nothing heavy.

* Run as a script, it is ``cyberorigen worker`` with the ``noop`` plugin of
  ``bench/noop_plugin.py`` added to the worker's plugins (``extra_plugins``), as if it were
  installed. Settings come from the ``CYBERORIGEN_*`` environment, as for the real command.
* :func:`nothing` is the job of the bare RQ baseline. A bare ``rq worker`` imports a job's
  module in the work horse on every job (its own process never imports it), so that module
  must stay this light: importing ``noop_plugin`` (the plugin API, marshmallow, pluggy) would
  cost the baseline about 0.1 s per job.
"""

from __future__ import annotations

import sys
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent


def nothing() -> None:
    """The bare RQ job: does nothing."""
    return None


def main() -> None:
    from importlib.metadata import EntryPoint

    from cyberorigen.cli import main as cyberorigen_main
    from cyberorigen.plugin_api import ENTRY_POINT_GROUP

    if str(BENCH_DIR) not in sys.path:
        sys.path.insert(0, str(BENCH_DIR))
    noop = EntryPoint(name="noop", value="noop_plugin", group=ENTRY_POINT_GROUP)
    cyberorigen_main(
        ["worker", *sys.argv[1:]], prog_name="cyberorigen", obj={"extra_plugins": [noop]}
    )


if __name__ == "__main__":
    main()
