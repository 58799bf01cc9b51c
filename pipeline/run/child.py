"""Entry point of the document worker process: ``python -m pipeline.run.child`` (see sandbox.py).

A module of its own so that ``-m`` never runs a module the package has already imported.
"""

from pipeline.run.sandbox import child_main

raise SystemExit(child_main())
