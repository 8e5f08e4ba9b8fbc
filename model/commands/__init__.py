"""The command line's subcommands, one module each; `model.cli` assembles them."""

from model.commands.forwarded import FORWARDED, add_forwarded, run_forwarded
from model.commands.inspect import add_evaluate, add_info
from model.commands.predict import add_predict
from model.commands.train import add_train

__all__ = ["FORWARDED", "add_evaluate", "add_forwarded", "add_info", "add_predict", "add_train", "run_forwarded"]
