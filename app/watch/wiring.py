"""Put the training card on the Draw tab and connect it to the window: `attach(window, training)`."""
from __future__ import annotations

from app.watch.side_panel import WatchPanel
from model.data.preprocess import to_mnist


def attach(window, training) -> WatchPanel:
    """Add a WatchPanel following `training` (the Train tab) beside the Draw tab's prediction card."""
    panel = WatchPanel(training)
    window.draw_page.layout().addWidget(panel, 0)
    panel.curve.clicked.connect(lambda: window.tabs.setCurrentWidget(training))
    window.prediction_updated.connect(lambda: show_drawing(window, panel))
    show_drawing(window, panel)
    return panel


def show_drawing(window, panel: WatchPanel) -> None:
    """Hand the panel what the window just classified: the 28x28 image and the in-use probabilities."""
    prediction = window.last_prediction
    if prediction is not None:
        panel.show_drawing(prediction.image, prediction.probabilities)
    elif window.canvas.is_empty():
        panel.show_drawing(None, None)
    else:  # no network in use: the network in training can still read the drawing
        panel.show_drawing(to_mnist(window.canvas.to_array()), None)
