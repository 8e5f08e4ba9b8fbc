"""Words and metadata for a finished run: the one-line summary and the meta dict that travels with the network."""

from __future__ import annotations

from model.train import training_summary


def describe_result(done) -> str:
    """One line for a person: the engine's own account of how the run ended."""
    text = done.message or done.reason or "training ended"
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")


def result_name(done, config, source: dict) -> str:
    """A short name for the network selector: "mlp adam (97.3%)", "mlp adam (97.3%) + 2 epochs"."""
    if source["from"] == "continued":
        epochs = done.step / max(done.batches_per_epoch, 1)
        name = f"{source.get('base') or 'network'} + {epochs:.3g} epoch{'s' if epochs != 1 else ''}"
    else:
        name = f"{source.get('preset') or 'network'} {config.optimizer}"
    accuracy = done.val_acc if done.val_acc is not None else done.acc
    return name + (f" ({accuracy:.1%})" if accuracy is not None else "")


def result_meta(net, done, config, source: dict, history: list[dict]) -> dict:
    """The meta dict for network_trained and save_weights: JSON-able, no arrays."""
    return {
        "name": result_name(done, config, source),
        "preset": source.get("preset"),
        "architecture": net.spec(),
        "training": {**training_summary(done, config), "source": source},
        "metrics": {"train_loss": done.loss, "train_acc": done.acc, "val_loss": done.val_loss,
                    "val_acc": done.val_acc},
        "history": history,
    }
