"""DigitLab's desktop program: Qt widgets, signals and wiring around `model`."""
