"""DigitLab's engine: a neural network library written from scratch in NumPy.

Nothing here imports Qt or matplotlib at import time, so the engine runs
headless, in tests and on the command line.
"""
