"""The Inside tab: what the current network sees in the drawing, which pixels decided, every network's
reading, and the network's mistakes on MNIST test."""
