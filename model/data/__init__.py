"""The data: MNIST files, augmentation, a drawing's preprocessing to 28x28, and the canvas-style sets."""
