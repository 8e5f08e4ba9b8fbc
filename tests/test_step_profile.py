"""bench --profile: every part of a training step is listed once, and the parts never add up to more than the step;
with --inference, every layer of one image's prediction."""

import json

import pytest

from model.cli.bench import main
from model.cli.step_profile import profile_preset
from model.paths import WEIGHTS_DIR
from model.presets import build_preset
from model.weights import load_weights


@pytest.mark.parametrize("cpu", [False, True])
def test_profile_lists_each_layer_the_loss_the_optimizer_and_the_batching(cpu):
    result = profile_preset("mlp", batch_size=16, seconds=0.05, cpu=cpu, images=64)
    labels = [label for label, _ in result["parts"]]
    layers = [f"{i} {type(layer).__name__}" for i, layer in enumerate(build_preset("mlp").layers)]
    assert {f"{name} forward" for name in layers} <= set(labels)
    assert {f"{i} Linear backward" for i, name in enumerate(layers) if name.endswith("Linear")} <= set(labels)
    for part in ("batching (gather the batch)", "loss forward (softmax + cross-entropy)", "optimizer step (Adam)",
                 "keep the last good weights", "zero gradients"):
        assert part in labels
    assert len(labels) == len(set(labels))
    # Linear.backward calls its own backward_params: counted once, the rest of the step is never negative.
    assert all(ms >= 0 for _, ms in result["parts"])
    assert sum(ms for _, ms in result["parts"]) == pytest.approx(result["step_ms"], rel=1e-3)


def test_bench_profile_prints_a_table_or_json(capsys):
    assert main(["--profile", "--preset", "mlp", "--seconds", "0.5", "--batch-size", "8", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["preset"] == "mlp" and result["clock"] == "wall" and result["steps"] >= 2


def test_inference_profile_lists_every_layer_for_random_and_bundled_weights(capsys):
    assert main(["--profile", "--inference", "--preset", "small-cnn", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert set(result["cases"]) == {"random", "bundled"}
    for parts in result["cases"].values():
        layers = [label for label in parts if label[0].isdigit()]
        assert [label.split()[1] for label in layers][:3] == ["Normalize", "Conv2d", "BatchNorm2d"]
        assert len(layers) == len(load_weights(WEIGHTS_DIR / "small-cnn.npz").net.layers)
        assert parts["total (predict_proba)"] >= max(parts[label] for label in layers) > 0
