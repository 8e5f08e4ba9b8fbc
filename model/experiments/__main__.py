import sys

from model.experiments.cli import main

sys.exit(main())
