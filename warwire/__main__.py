import sys

from warwire.cli import main

sys.exit(main())
