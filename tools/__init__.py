"""Developer tools, not shipped with DigitLab: README screenshots, latency measurements."""
