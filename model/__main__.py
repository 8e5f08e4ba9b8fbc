import sys

from model.blas import tune_openblas

tune_openblas()  # before anything imports NumPy

from model.cli import main  # noqa: E402

sys.exit(main())
