"""The Train tab: train or fine-tune a network in a worker thread and watch its curves live."""

from app.training.panel import TrainingPanel

__all__ = ["TrainingPanel"]
