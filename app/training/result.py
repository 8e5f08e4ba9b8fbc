"""Words and metadata for a finished run: the one-line summary and the meta dict that travels with the network."""

from __future__ import annotations

from model.history import epoch_row
from model.train import training_summary


def describe_result(done) -> str:
    """One line for a person: the engine's own account of how the run ended."""
    text = done.message or done.reason or "training ended"
    if done.reason == "diverged":  # the panel offers no network then, whatever weights were kept
        text = text.split("; kept")[0]
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")


def continued_source(meta: dict) -> dict:
    """Where a continued run starts: fine-tuning a fine-tuned network keeps the first
    base's name and adds up the epochs, rather than stacking "+ 1 epoch" suffixes."""
    training = meta.get("training")
    earlier = training.get("source") if isinstance(training, dict) else None
    if isinstance(earlier, dict) and earlier.get("from") == "continued" and earlier.get("base"):
        return {"from": "continued", "base": earlier["base"], "epochs_before": earlier.get("epochs_after", 0),
                "preset": meta.get("preset")}
    return {"from": "continued", "base": meta.get("name") or "current network", "preset": meta.get("preset")}


def continued_epochs(done, source: dict) -> float:
    """Epochs of fine-tuning since the base network: earlier continued runs and this one."""
    before = source.get("epochs_before", 0)
    return (before if isinstance(before, (int, float)) else 0) + done.step / max(done.batches_per_epoch, 1)


def result_name(done, config, source: dict) -> str:
    """A short name for the network selector that says which accuracy it quotes:
    "mlp adam (val 97.3%)", "mlp adam (val 97.3%) + 2 epochs (val 98.1%)", or "(train 84.4%)"
    for a run stopped before its first validation."""
    if source["from"] == "continued":
        epochs = continued_epochs(done, source)
        name = f"{source.get('base') or 'network'} + {epochs:.3g} epoch{'s' if epochs != 1 else ''}"
    else:
        name = f"{source.get('preset') or 'network'} {config.optimizer}"
    if done.val_acc is not None:
        return f"{name} (val {done.val_acc:.1%})"
    return name + (f" (train {done.acc:.1%})" if done.acc is not None else "")


def result_meta(net, done, config, source: dict, history: list[dict]) -> dict:
    """The meta dict for network_trained and save_weights: JSON-able, no arrays."""
    if source["from"] == "continued":
        source = {**source, "epochs_after": continued_epochs(done, source)}
    return {
        "name": result_name(done, config, source),
        "preset": source.get("preset"),
        "architecture": net.spec(),
        "training": {**training_summary(done, config), "source": source},
        "metrics": {"train_loss": done.loss, "train_acc": done.acc, "val_loss": done.val_loss,
                    "val_acc": done.val_acc},
        "history": history,
    }


def cut_short_epoch_row(last_batch) -> dict | None:
    """The history row of an epoch a stop cut short, from its last "batch" record (running means),
    with a fractional "epoch" (0.4: two fifths of the first); None if that epoch ended or never began."""
    if last_batch is None or last_batch.batch == last_batch.batches_per_epoch:
        return None
    return {**epoch_row(last_batch), "epoch": round(last_batch.step / max(last_batch.batches_per_epoch, 1), 3)}


def stats_text(record) -> str:
    """The status line while training: where the run is, its loss and speed."""
    parts = [f"Epoch {record.epoch}/{record.epochs}, batch {record.batch}/{record.batches_per_epoch}"]
    if record.loss is not None:
        parts.append(f"loss {record.loss:.3f}")
    if record.val_acc is not None:
        parts.append(f"validation {record.val_acc:.1%}")
    if record.images_per_s:
        parts.append(f"{record.images_per_s:,.0f} images/s")
    return "  ·  ".join(parts)


def clock(seconds: float) -> str:
    """Seconds as m:ss (or 1h05 past an hour), for the ETA."""
    seconds = max(int(round(seconds)), 0)
    return f"{seconds // 60}:{seconds % 60:02d}" if seconds < 3600 else f"{seconds // 3600}h{seconds % 3600 // 60:02d}"
