"""`python -m magic_hour_ext.testing`: see `magic_hour_ext.testing.main`."""

import sys

from ._main import main

sys.exit(main())
