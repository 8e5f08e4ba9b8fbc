"""Facts every part of DigitLab shares: the task, the data set, the architecture vocabulary.

A leaf module: it imports nothing, so anything in model/ or app/ may import it
without a cycle. Change a fact here and every user of it follows.
"""

from __future__ import annotations

N_CLASSES = 10  # the digits 0-9
IMAGE_SIDE = 28  # MNIST images are IMAGE_SIDE x IMAGE_SIDE pixels
INPUT_SHAPE = (1, IMAGE_SIDE, IMAGE_SIDE)  # one image as a network takes it: (channels, height, width)

# MNIST's pixel statistics on [0, 1] inputs, as PyTorch's examples use them.
MNIST_MEAN = 0.1307
MNIST_STD = 0.3081

MNIST_TRAIN_RECORDS = 60_000
MNIST_TEST_RECORDS = 10_000
VAL_SIZE = 5_000  # training records held out for validation
TRAIN_IMAGES = MNIST_TRAIN_RECORDS - VAL_SIZE  # what a full training run sees: 55,000

# Hidden activation option -> (layer type, initialisation of the layer feeding it).
ACTIVATIONS = {
    "relu": ("ReLU", "he"),
    "leaky_relu": ("LeakyReLU", "he"),
    "sigmoid": ("Sigmoid", "xavier"),
    "tanh": ("Tanh", "xavier"),
}

# Images per forward pass when many are scored or read: bounded memory, and progress between passes.
# 250, not 500: the cnn's activations stay nearer the core (MNIST test scored in a quarter less time, measured).
INFERENCE_BATCH = 250

DEFAULT_PRESET = "small-cnn"  # the architecture a new training run starts from
DEFAULT_NETWORK = "small-cnn"  # the bundled network the window opens with: assets/weights/<name>.npz
