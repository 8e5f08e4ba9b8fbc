"""`explain WEIGHTS IMAGE --out DIR`: the Inside view's pictures and arrays for one image."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from model import explain, explain_plots
from model.atomic import atomic_write
from model.bundled import WEIGHTS_HELP, resolve_weights
from model.cli.errors import CliError
from model.data.preprocess import load_image, to_mnist
from model.losses import softmax
from model.weights import load_digit_reader

CLASSES = 10
DELETION_SEED = 0  # the random deletions the summary compares with


def add_explain(sub) -> None:
    p = sub.add_parser("explain", help="what the network sees in an image: layers, filters, saliency (PNG, .npy)")
    p.add_argument("weights", help=WEIGHTS_HELP)
    p.add_argument("image", help="an image file (PNG, JPEG, ...), any size, either polarity")
    p.add_argument("--out", required=True, type=Path, metavar="DIR", help="folder for the files (created)")
    p.add_argument("--digit", type=int, choices=range(CLASSES), metavar="D",
                   help="explain the evidence for this digit (default: the one read)")
    p.add_argument("--method", default="gradient_x_input", choices=["gradient_x_input", "gradient"],
                   help="saliency: gradient x input (default) or the plain gradient of the class score")
    p.set_defaults(run=run_explain)


def _out_dir(path: Path) -> Path:
    if path.exists() and not path.is_dir():
        raise CliError(f"--out {path} is a file, not a folder")
    path.mkdir(parents=True, exist_ok=True)
    return path


def _save_array(path: Path, array: np.ndarray) -> None:
    with atomic_write(path) as f:
        np.save(f, np.asarray(array, dtype=np.float32))


def run_explain(args) -> int:
    net = load_digit_reader(resolve_weights(args.weights)).net
    image = to_mnist(load_image(args.image))
    if image is None:
        raise CliError(f"{args.image}: no digit found (the image is blank or its ink too faint)")
    out = _out_dir(args.out)
    views, logits = explain.layer_views(net, image)
    probabilities = softmax(logits[None])[0]
    digit = int(probabilities.argmax()) if args.digit is None else args.digit
    evidence = explain.saliency(net, image, digit, args.method)
    _save_array(out / "input.npy", image)
    _save_array(out / "saliency.npy", evidence)
    written = ["input.npy", "saliency.npy", *_save_pictures(out, net, image, views, evidence, digit, args.method)]
    read = int(probabilities.argmax())
    top3 = ", ".join(f"{d} {100 * p:.1f}%" for d, p in explain.top_k(probabilities, 3))
    print(f"read {read} with {100 * probabilities[read]:.1f}% confidence (top 3: {top3})")
    before, salient, random = explain.deletion_check(net, image, digit, np.random.default_rng(DELETION_SEED))
    print(f"saliency: {explain.SALIENCY_METHODS[args.method]} for {digit}; deleting the 10% most salient ink "
          f"takes P({digit}) from {before:.3g} to {salient:.3g} (10% random ink: {random:.3g})")
    print(f"wrote {', '.join(written)} to {out}")
    return 0


def _save_pictures(out: Path, net, image, views, evidence, digit: int, method: str) -> list[str]:
    names = []
    if views:
        explain_plots.save_layers(out / "layers.png", views)
        names.append("layers.png")
    filters, templates = explain.first_filters(net), explain.templates(net)
    if filters is not None:
        explain_plots.save_weights_grid(out / "filters.png", filters, "first convolution's filters")
        names.append("filters.png")
    elif templates is not None:
        order = explain.most_active(views)
        hidden = views[0].values
        explain_plots.save_weights_grid(out / "templates.png", templates[order],
                                        f"the first hidden layer's {len(order)} most active units' weights",
                                        [f"unit {u}: {hidden[u]:.2f}" for u in order])
        names.append("templates.png")
    explain_plots.save_saliency(out / "saliency.png", image, evidence,
                                f"{explain.SALIENCY_METHODS[method]} for {digit}")
    return [*names, "saliency.png"]
