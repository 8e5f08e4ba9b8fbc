import sys

from model.cli.main import main

sys.exit(main())
