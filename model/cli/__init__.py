"""DigitLab's command line: `python -m model {train,evaluate,predict,info,bench,experiment}`.

`model.cli.main` assembles the subcommands, one module each. This package
file imports nothing, so any command module can import `model.cli.errors`
without a cycle.
"""
