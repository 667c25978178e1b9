"""``python -m magic_hour_ext``: the ``magic-hour-ext`` command line (see ``magic_hour_ext._cli``)."""

import sys

from ._cli import main

sys.exit(main())
