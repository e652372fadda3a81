"""``python -m reader``: the same as the ``article-reader`` command."""

import sys

from reader.entry import main

sys.exit(main())
