"""My digits on disk: keep, delete, relabel, import, export; a failed write never loses or corrupts the set."""

from __future__ import annotations

import zipfile

import numpy as np
import pytest

import model.my_digits as my_digits
from model.finetune import FinetuneConfig, few_samples_warning, finetune, stratified_split
from model.my_digits import LABELS_FILE, DigitSetError, MyDigits, read_set
from tools.handwriting_style import draw


def drawing(digit: int, seed: int = 0) -> np.ndarray:
    return draw(digit, np.random.default_rng(seed))


@pytest.fixture
def kept(tmp_path):
    store = MyDigits(tmp_path / "mine")
    for digit in (1, 7, 7):
        store.add(drawing(digit), digit)
    return store


def test_kept_samples_survive_a_restart_with_their_labels(kept):
    again = MyDigits(kept.folder)
    assert [s.label for s in again.samples] == [1, 7, 7]
    assert again.counts().tolist() == [0, 1, 0, 0, 0, 0, 0, 2, 0, 0]
    assert again.fewest() == 0
    x, y = again.arrays()
    assert x.shape == (3, 1, 28, 28) and y.tolist() == [1, 7, 7]
    assert (kept.folder / LABELS_FILE).read_text().splitlines()[0] == "file,label"


def test_delete_and_relabel_are_on_disk_at_once(kept):
    first, second = kept.samples[0], kept.samples[1]
    kept.remove(first)
    kept.relabel(second, 3)
    again = MyDigits(kept.folder)
    assert [s.label for s in again.samples] == [3, 7]
    assert not kept.path(first).exists()


def test_a_crash_while_keeping_leaves_the_set_as_it_was(kept, monkeypatch):
    before = (kept.folder / LABELS_FILE).read_bytes()

    def crash(samples):
        raise OSError("disk full")

    monkeypatch.setattr(my_digits, "labels_text", crash)  # the PNG is written, labels.csv never is
    with pytest.raises(OSError):
        kept.add(drawing(4), 4)
    assert (kept.folder / LABELS_FILE).read_bytes() == before
    assert [s.label for s in MyDigits(kept.folder).samples] == [1, 7, 7]
    assert not list(kept.folder.glob(".*.tmp"))


def test_export_to_zip_and_folder_then_import_gives_the_same_set(kept, tmp_path):
    zipped = kept.export(tmp_path / "mine.zip")
    folder = kept.export(tmp_path / "exported")
    for source in (zipped, folder):
        other = MyDigits(tmp_path / f"other-{source.name}")
        assert other.import_from(source) == 3
        assert other.counts().tolist() == kept.counts().tolist()
    with pytest.raises(DigitSetError, match="not empty"):
        kept.export(folder)


@pytest.mark.parametrize("damage, named", [
    (lambda d: (d / LABELS_FILE).unlink(), LABELS_FILE),
    (lambda d: (d / LABELS_FILE).write_text("file,label\nsample-00001.png,12\n"), "label '12'"),
    (lambda d: (d / "sample-00002.png").write_bytes(b"not a png"), "sample-00002.png: not a readable image"),
    (lambda d: (d / "sample-00003.png").unlink(), "sample-00003.png: listed in labels.csv but missing"),
    (lambda d: (d / "sample-00001.png").write_bytes((d / "blank.png").read_bytes()), "sample-00001.png: no digit"),
])
def test_a_bad_import_names_the_file_and_adds_nothing(kept, tmp_path, damage, named):
    source = kept.export(tmp_path / "bad")
    from PIL import Image
    Image.new("L", (50, 50), 255).save(source / "blank.png")
    damage(source)
    target = MyDigits(tmp_path / "target")
    target.add(drawing(0), 0)
    with pytest.raises(DigitSetError, match=named) as info:
        target.import_from(source)
    assert "\n" not in str(info.value)
    assert [s.label for s in MyDigits(target.folder).samples] == [0]


def test_a_zip_without_labels_is_refused(tmp_path):
    path = tmp_path / "x.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("a.png", b"")
    with pytest.raises(DigitSetError, match="no labels.csv"):
        read_set(path)


def test_held_out_samples_come_from_every_digit_that_has_two():
    y = np.array([0] * 8 + [1] * 2 + [2])
    train, held = stratified_split(y, 0.25, np.random.default_rng(0))
    assert sorted(y[held].tolist()) == [0, 0, 1]
    assert set(train) | set(held) == set(range(len(y))) and not set(train) & set(held)


def test_few_samples_are_reported():
    assert "2 of 3" in few_samples_warning(np.repeat(np.arange(10), [5, 5, 5, 2, 5, 5, 5, 5, 5, 5]))
    assert few_samples_warning(np.repeat(np.arange(10), 5)) is None


def test_finetune_follows_the_training_records_as_one_run(tiny_net):
    net = type(tiny_net).from_spec(tiny_net.spec())
    net.load_state_dict(tiny_net.state_dict())
    x = np.stack([np.asarray(drawing(d % 10, d), np.float32) for d in range(20)])
    from model.data.preprocess import to_mnist
    x = np.stack([to_mnist(img) for img in x])[:, None]
    y = np.arange(20) % 10
    config = FinetuneConfig(epochs=2, copies=2, replay=100)
    records = list(finetune(net, x, y, config))
    assert records[-1].kind == "done" and records[-1].reason == "finished"
    assert [r.epoch for r in records if r.kind == "epoch"] == [1, 2]
    steps = [r.step for r in records]
    assert steps == sorted(steps) and records[-1].step == records[-1].total_steps
    assert len(records[-1].history["loss"]) == 2


def test_a_scored_finetune_ends_with_accuracies_before_and_after(tiny_net):
    from model.data.preprocess import to_mnist
    from model.finetune import FinetuneDone, finetune_scored

    net = type(tiny_net).from_spec(tiny_net.spec())
    net.load_state_dict(tiny_net.state_dict())
    x = np.stack([to_mnist(drawing(d % 10, d)) for d in range(30)])[:, None]
    y = np.arange(30) % 10
    done = list(finetune_scored(net, x[:20], y[:20], FinetuneConfig(epochs=1, copies=2, replay=100),
                                x_held=x[20:], y_held=y[20:], mnist_limit=300))[-1]
    assert isinstance(done, FinetuneDone) and done.reason == "finished"
    held, mnist = done.scores["held_out"], done.scores["mnist"]
    assert all(0 <= a <= 1 for a in (*held, *mnist))
    assert done.val_acc == pytest.approx(held[1])  # the curves' validation is the held-out samples
    assert f"{mnist[0]:.2%} → {mnist[1]:.2%}" in done.message
