"""The bundle's executable: the same ``article-reader`` command as a pip install's."""

import sys

from reader.entry import main

if __name__ == "__main__":
    sys.exit(main())
