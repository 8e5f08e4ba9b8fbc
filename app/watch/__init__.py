"""Watch it learn: the Draw tab's card that follows a training run beside the canvas.

Kept import-light: the training worker imports app.watch.snapshots, so this
package's __init__ must not pull the widgets (and through them app.training) in.
"""
