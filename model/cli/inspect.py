"""`evaluate WEIGHTS` and `info WEIGHTS`: how good a network is, and what is inside a weight file."""

from __future__ import annotations

import json

from model.bundled import WEIGHTS_HELP, resolve_weights
from model.calibration import Calibration
from model.canvas_report import canvas_report, format_canvas_report
from model.cli.argparsing import between
from model.cli.errors import CliError
from model.evaluation import evaluate_mnist_test
from model.trust import format_trust, mnist_test_trust
from model.weights import load_digit_reader, load_weights

MAX_CANVAS_IMAGES = 10_000  # per canvas-style part: minutes of drawing, enough to tell 0.1% apart


def add_evaluate(sub) -> None:
    p = sub.add_parser("evaluate", help="accuracy on MNIST test, per class, and the confusion matrix")
    p.add_argument("weights", help=WEIGHTS_HELP)
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--canvas", type=between(0, MAX_CANVAS_IMAGES), metavar="N", default=0,
                   help="also score N drawings of each canvas-style part (drawn as a person would)")
    p.set_defaults(run=run_evaluate)


def add_info(sub) -> None:
    p = sub.add_parser("info", help="architecture, training summary and metadata of a weight file")
    p.add_argument("weights", help=WEIGHTS_HELP)
    p.add_argument("--json", action="store_true", help="print the metadata as JSON")
    p.set_defaults(run=run_info)


def run_evaluate(args) -> int:
    if args.canvas < 0:
        raise CliError("--canvas takes a number of images >= 0")
    checkpoint = load_digit_reader(resolve_weights(args.weights))
    net = checkpoint.net
    result = {"file": args.weights, **evaluate_mnist_test(net).to_dict()}
    if args.canvas:
        result["canvas"] = canvas_report(checkpoint, n_each=args.canvas)
    result["trust"] = {"MNIST test": mnist_test_trust(net, Calibration.from_meta(checkpoint.meta))}
    if args.json:
        print(json.dumps(result))
    else:
        print(format_report(result))
    return 0


def format_report(result: dict) -> str:
    lines = [f"{result['file']}: MNIST test accuracy {result['accuracy']:.2%} (loss {result['loss']:.4f})", "",
             "digit   " + " ".join(f"{d:>6}" for d in range(len(result["per_class_accuracy"]))),
             "correct " + " ".join(f"{a:>6.1%}" for a in result["per_class_accuracy"]), "",
             "confusion matrix (rows: true digit, columns: predicted)"]
    lines += [f"{d:>5}   " + " ".join(f"{n:>6}" for n in row) for d, row in enumerate(result["confusion_matrix"])]
    if "canvas" in result:
        lines += format_canvas_report(result["canvas"])
    lines += ["", *(format_trust(name, t) for name, t in result.get("trust", {}).items())]
    return "\n".join(lines)


def run_info(args) -> int:
    checkpoint = load_weights(resolve_weights(args.weights))
    if args.json:
        print(json.dumps(checkpoint.meta, indent=2))
        return 0
    net, meta = checkpoint.net, checkpoint.meta
    print(f"{args.weights}: {meta.get('name') or 'unnamed network'}, {net.num_params():,} parameters")
    for i, (layer, shape) in enumerate(zip(net.layers, net.output_shapes())):
        n = sum(p.data.size for p in layer.params().values())
        print(f"  {i:>2} {layer!r:<60} -> {'x'.join(map(str, shape)):<10} {n:>10,}")
    if meta.get("test_accuracy") is not None:
        print(f"MNIST test accuracy: {meta['test_accuracy']:.2%}")
    training = meta.get("training")
    if training:
        print("training:", json.dumps(training, default=str))
    print(refusal_line(meta))
    return 0


def refusal_line(meta: dict) -> str:
    """Whether this file can say "not a digit", and how its confidence is calibrated."""
    calibration = Calibration.from_meta(meta)
    if not calibration.can_refuse:
        scaled = f"; confidence calibrated at temperature {calibration.temperature:.3f}" if "calibration" in meta else ""
        return f"not a digit: cannot refuse (no threshold in this file){scaled}"
    return (f"not a digit: can refuse (top softmax probability at temperature {calibration.score_temperature:g} "
            f"under {calibration.threshold:.3f}); confidence calibrated at temperature {calibration.temperature:.3f}")
