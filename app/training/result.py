"""Words and metadata for a finished run: the one-line summary and the meta dict that travels with the network."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from model.history import epoch_row
from model.train import training_summary


def describe_result(done) -> str:
    """One line for a person: how the run ended, as the engine tells it, in the window's language."""
    if done.reason == "diverged":  # the panel offers no network then, whatever weights were kept
        return QCoreApplication.translate(
            "TrainingResult", "Training diverged at epoch {0}, batch {1}: try a smaller learning rate.").format(
            done.epoch, done.batch)
    if done.reason == "finished":
        text = (QCoreApplication.translate("TrainingResult", "Finished 1 epoch") if done.epoch == 1 else
                QCoreApplication.translate("TrainingResult", "Finished {0} epochs").format(done.epoch))
    elif done.reason == "early_stopped":
        text = QCoreApplication.translate(
            "TrainingResult", "Stopped early after epoch {0}: validation loss had stopped improving").format(done.epoch)
    elif done.reason == "stopped":
        text = QCoreApplication.translate("TrainingResult", "Stopped as asked at epoch {0}, batch {1}").format(
            done.epoch, done.batch)
    else:
        return QCoreApplication.translate("TrainingResult", "Training ended.")
    text += QCoreApplication.translate("TrainingResult", " in {0:.0f} s").format(done.elapsed)
    if done.val_acc is not None:
        text += QCoreApplication.translate("TrainingResult", "; validation accuracy {0:.2%}").format(done.val_acc)
    elif done.acc is not None:
        text += QCoreApplication.translate("TrainingResult", "; training accuracy {0:.2%}").format(done.acc)
    if "restored the best epoch" in (done.message or ""):
        text += QCoreApplication.translate("TrainingResult", " (restored the best epoch, {0})").format(done.best_epoch)
    return text + QCoreApplication.translate("TrainingResult", ".")


def continued_source(meta: dict) -> dict:
    """Where a continued run starts: fine-tuning a fine-tuned network keeps the first
    base's name and adds up the epochs, rather than stacking "+ 1 epoch" suffixes."""
    training = meta.get("training")
    earlier = training.get("source") if isinstance(training, dict) else None
    if isinstance(earlier, dict) and earlier.get("from") == "continued" and earlier.get("base"):
        return {"from": "continued", "base": earlier["base"], "epochs_before": earlier.get("epochs_after", 0),
                "preset": meta.get("preset")}
    base = meta.get("name") or QCoreApplication.translate("TrainingResult", "current network")
    return {"from": "continued", "base": base, "preset": meta.get("preset")}


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
        base = source.get("base") or QCoreApplication.translate("TrainingResult", "network")
        name = (QCoreApplication.translate("TrainingResult", "{0} + 1 epoch").format(base) if epochs == 1 else
                QCoreApplication.translate("TrainingResult", "{0} + {1:.3g} epochs").format(base, epochs))
    else:
        preset = source.get("preset") or QCoreApplication.translate("TrainingResult", "network")
        name = f"{preset} {config.optimizer}"
    # Brackets ending in "%" are what file_name_for() leaves out of a file name.
    if done.val_acc is not None:
        return QCoreApplication.translate("TrainingResult", "{0} (val {1:.1%})").format(name, done.val_acc)
    if done.acc is not None:
        return QCoreApplication.translate("TrainingResult", "{0} (train {1:.1%})").format(name, done.acc)
    return name


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
    parts = [QCoreApplication.translate("TrainingResult", "Epoch {0}/{1}, batch {2}/{3}").format(
        record.epoch, record.epochs, record.batch, record.batches_per_epoch)]
    if record.loss is not None:
        parts.append(QCoreApplication.translate("TrainingResult", "loss {0:.3f}").format(record.loss))
    if record.val_acc is not None:
        parts.append(QCoreApplication.translate("TrainingResult", "validation {0:.1%}").format(record.val_acc))
    if record.images_per_s:
        parts.append(QCoreApplication.translate("TrainingResult", "{0:,.0f} images/s").format(record.images_per_s))
    return "  ·  ".join(parts)


def clock(seconds: float) -> str:
    """Seconds as m:ss (or 1h05 past an hour), for the ETA."""
    seconds = max(int(round(seconds)), 0)
    return f"{seconds // 60}:{seconds % 60:02d}" if seconds < 3600 else f"{seconds // 3600}h{seconds % 3600 // 60:02d}"
