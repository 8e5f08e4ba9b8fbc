"""Fine-tune a digit reader on a person's own digits without forgetting MNIST.

A few samples per digit are far too few to train on alone: the network would
learn them by heart and forget MNIST. So each of the person's training
samples becomes many heavily augmented copies (moved, turned, resized,
thickened), mixed with a random replay of MNIST training images, and the
mix goes through the ordinary training generator (`model.train.train`),
with a small learning rate. Part of the samples (stratified by digit) is
held out, to show the network's accuracy on drawings it was not tuned on.
"""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass

import numpy as np

from model.constants import N_CLASSES
from model.data.augment import augment
from model.data.mnist import load_mnist, to_float
from model.text import translate
from model.train import Progress, TrainConfig, train

# Below this many samples of a digit, the result says so: the network may learn them by heart.
FEW_PER_DIGIT = 5
# "Heavy" augmentation of the person's samples, beyond the light one training adds to every batch.
HEAVY = {"max_shift": 2.5, "max_rotate": 15.0, "scale": (0.85, 1.1), "thickness_prob": 0.7}


@dataclass
class FinetuneConfig:
    """Everything that decides a fine-tune; the defaults are meant to be good without any option.

    holdout: share of each digit's samples kept out of training (a digit with
    fewer than 2 samples keeps all). copies: augmented copies per sample and
    epoch. replay: MNIST training images mixed in per epoch.
    """

    epochs: int = 2
    seed: int = 0
    holdout: float = 0.25
    copies: int = 20
    replay: int = 5000
    lr: float = 5e-4
    batch_size: int = 64

    def train_config(self, epochs: int = 1) -> TrainConfig:
        """The settings of each pass (one epoch of a fresh mix); epochs=self.epochs describes the whole run."""
        return TrainConfig(epochs=epochs, batch_size=self.batch_size, lr=self.lr, augment=True, seed=self.seed,
                           schedule="constant", log_every=5)


@dataclass
class FinetuneDone(Progress):
    """The last record of `finetune_scored`: a "done" record plus accuracies before and after.

    scores: {"held_out": (before, after) or None when nothing is held out, "mnist": (before, after)}.
    """

    scores: dict | None = None


def stratified_split(y: np.ndarray, holdout: float, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """(train indices, held-out indices): `holdout` of each digit's samples, at least one
    where a digit has two or more, none where it has one."""
    train_idx, held_idx = [], []
    for digit in range(N_CLASSES):
        idx = rng.permutation(np.flatnonzero(y == digit))
        k = min(max(1, round(holdout * len(idx))), len(idx) - 1) if len(idx) >= 2 and holdout > 0 else 0
        held_idx.extend(idx[:k])
        train_idx.extend(idx[k:])
    return np.sort(np.array(train_idx, dtype=np.intp)), np.sort(np.array(held_idx, dtype=np.intp))


def few_samples_warning(y: np.ndarray) -> str | None:
    """One line when some digit has fewer than FEW_PER_DIGIT samples, else None."""
    counts = np.bincount(y, minlength=N_CLASSES)
    short = [translate("Finetune", "{count} of {digit}").format(count=c, digit=d)
             for d, c in enumerate(counts) if c < FEW_PER_DIGIT]
    if not short:
        return None
    return translate("Finetune", "few samples: {counts}; with fewer than {few} of a digit the network may learn "
                                 "those drawings by heart rather than your handwriting").format(
        counts=", ".join(short), few=FEW_PER_DIGIT)


def training_mix(x_mine: np.ndarray, y_mine: np.ndarray, config: FinetuneConfig,
                 rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Heavily augmented copies of the samples plus an MNIST replay: x (M, 1, 28, 28) float32, y (M,)."""
    images, labels = load_mnist("train")
    pick = rng.choice(len(images), size=min(config.replay, len(images)), replace=False)
    copies = np.repeat(x_mine, config.copies, axis=0)
    x = np.concatenate([augment(copies, rng, **HEAVY), to_float(images[pick])])
    y = np.concatenate([np.repeat(y_mine, config.copies), labels[pick].astype(np.int64)])
    return x, y


def finetune(net, x_mine: np.ndarray, y_mine: np.ndarray, config: FinetuneConfig, should_stop=None,
             x_held: np.ndarray | None = None, y_held: np.ndarray | None = None):
    """Fine-tune `net` in place on training samples x_mine (N, 1, 28, 28), y_mine (N,); yields Progress.

    Each epoch is a fresh mix (new augmented copies, new replay) run through
    `model.train.train` for one pass; records are renumbered as one run of
    `config.epochs` epochs, so a progress bar or the Train tab's curves follow
    them unchanged. The last record is "done" (unless stopped early by closing).
    Held-out samples, if any, are the validation data: each epoch reports their accuracy.
    """
    if len(x_mine) == 0:
        raise ValueError("no samples to fine-tune on")
    rng = np.random.default_rng(config.seed)
    optimizer, history, step0, start = None, {}, 0, time.perf_counter()
    for epoch in range(1, config.epochs + 1):
        x, y = training_mix(x_mine, y_mine, config, rng)
        tc = config.train_config()
        tc.seed = int(rng.integers(2**31))
        optimizer = optimizer or tc.make_optimizer(net)
        val = {"x_val": x_held, "y_val": y_held} if y_held is not None and len(y_held) else {}
        for record in train(net, x, y, tc, optimizer=optimizer, should_stop=should_stop, **val):
            _renumber(record, epoch, config.epochs, step0, time.perf_counter() - start)
            if record.kind == "done":
                for key, values in (record.history or {}).items():
                    history.setdefault(key, []).extend(values)
                if record.reason != "finished" or epoch == config.epochs:
                    record.history = history
                    if record.reason == "finished":
                        record.message = (translate("Finetune", "fine-tuned for {n} epochs in {s} s")
                                          if config.epochs > 1 else
                                          translate("Finetune", "fine-tuned for 1 epoch in {s} s")).format(
                            n=config.epochs, s=f"{record.elapsed:.0f}")
                    yield record
                    return
                break
            yield record
        step0 = record.step


def _renumber(record, epoch: int, epochs: int, step0: int, elapsed: float) -> None:
    """One pass's record -> the same record as part of the whole run."""
    record.epoch, record.epochs, record.elapsed = epoch, epochs, elapsed
    record.step, record.total_steps = step0 + record.step, record.total_steps * epochs
    if record.step:
        record.eta = elapsed / record.step * (record.total_steps - record.step)


def scores(net, x_held: np.ndarray, y_held: np.ndarray, mnist_limit: int | None = None) -> tuple[float | None, float]:
    """(accuracy on the held-out samples, None if there are none; accuracy on MNIST test)."""
    from model.evaluation import evaluate, evaluate_mnist_test

    held = evaluate(net, x_held, y_held).accuracy if len(y_held) else None
    return held, evaluate_mnist_test(net, limit=mnist_limit).accuracy


def finetune_scored(net, x_mine, y_mine, config: FinetuneConfig, *, x_held, y_held, should_stop=None,
                    mnist_limit: int | None = None):
    """`finetune`, measured before and after on the held-out samples and MNIST test.

    The same records, except the last: a FinetuneDone whose message ends with
    the before -> after accuracies. Made for the window's training worker,
    which passes the held-out samples as its validation data.
    """
    before = scores(net, x_held, y_held, mnist_limit)
    for record in finetune(net, x_mine, y_mine, config, should_stop=should_stop, x_held=x_held, y_held=y_held):
        if record.kind != "done":
            yield record
            continue
        after = scores(net, x_held, y_held, mnist_limit)
        done = FinetuneDone(**asdict(record), scores={"held_out": None if before[0] is None else (before[0], after[0]),
                                                      "mnist": (before[1], after[1])})
        done.message = f"{record.message}; {describe_scores(done.scores)}"
        yield done


def describe_scores(found: dict) -> str:
    held = found["held_out"]
    mine = (translate("Finetune", "your held-out digits {before:.1%} → {after:.1%}").format(before=held[0],
                                                                                          after=held[1])
            if held else translate("Finetune", "no digits held out to check on"))
    return translate("Finetune", "{mine}, MNIST test {before:.2%} → {after:.2%}").format(
        mine=mine, before=found["mnist"][0], after=found["mnist"][1])
