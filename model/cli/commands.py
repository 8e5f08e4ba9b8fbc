"""The command line's subcommands, one module each; `model.cli` assembles them."""

from model.cli.calibrate import add_calibrate
from model.cli.explain import add_explain
from model.cli.finetune import add_finetune
from model.cli.forwarded import FORWARDED, add_forwarded, run_forwarded
from model.cli.inspect import add_evaluate, add_info
from model.cli.predict import add_predict
from model.cli.train import add_train

__all__ = ["FORWARDED", "add_calibrate", "add_evaluate", "add_explain", "add_finetune", "add_forwarded", "add_info",
           "add_predict", "add_train", "run_forwarded"]
