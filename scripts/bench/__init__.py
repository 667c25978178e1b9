"""The benchmarks of magic-hour-ext against the official SDK and curl: ``make bench``.

``python -m bench`` (with ``scripts/`` on the path) runs them; see ``__main__.py``. Each row
lives in a module of its own (``_polls``, ``_download``, ``_many``, ``_imports``, ``_cpu``), the
measured clients in ``worker.py``, which runs as a separate process. ``python -m bench.ceiling``
is a tool apart: it compares the local server's ceiling (curl against it) across source trees,
e.g. before and after a change to the server.
"""
