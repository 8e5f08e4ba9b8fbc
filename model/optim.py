"""Optimizers: plain SGD, momentum, Nesterov, RMSprop and Adam.

Each updates `Parameter.data` in place from `Parameter.grad`, with in-place
ufuncs into preallocated buffers: no temporaries per step and no float64
upcasts (Python float scalars keep float32 arrays float32 under NumPy 2).
The parameters live in one flat buffer and their gradients in another
(model/flat_params.py; each `.data` and `.grad` is a view into them), and so
does every slot of state, so a step is a handful of whole-array operations
whatever the number of layers. Weight decay is the classic L2 penalty added
to the gradient (the courses' "weight decay"), applied in a scratch buffer so
`.grad` stays the loss's own gradient for anyone looking at it.
"""

from __future__ import annotations

import math

import numpy as np

from model import parallel
from model.flat_params import FlatParams
from model.layers.base import Parameter

OPTIMIZERS = ("sgd", "momentum", "nesterov", "rmsprop", "adam")

# Defaults as PyTorch uses them, so course numbers carry over.
DEFAULT_MOMENTUM = 0.9
RMSPROP_ALPHA = 0.99
ADAM_BETAS = (0.9, 0.999)
EPS = 1e-8
STEP_KEY = "step"


class Optimizer:
    """Base of every optimizer.

    params: dotted name -> Parameter (as `Sequential.params()` gives them).
    `lr` may be changed between steps (schedules do). `state_dict()` holds the
    step count and one array per parameter and slot ("m.0.weight"), all flat
    arrays, so it can be stored in an .npz.
    """

    name = "optimizer"
    slots: tuple[str, ...] = ()

    def __init__(self, params: dict[str, Parameter], lr: float, weight_decay: float = 0.0):
        if not params:
            raise ValueError("the optimizer got no parameters to train")
        _check_range("lr", lr, 0.0, math.inf, low_open=True)
        _check_range("weight_decay", weight_decay, 0.0, math.inf)
        self.params = dict(params)
        self.lr = float(lr)
        self.weight_decay = float(weight_decay)
        self.t = 0
        self.flat = FlatParams(self.params)
        self._flat_state = {slot: np.zeros_like(self.flat.data) for slot in self.slots}
        self._views_of_state()

    def _views_of_state(self) -> None:
        """The per-parameter views of the flat state, and scratch buffers of the parameters' dtype."""
        dtype = self.flat.data.dtype
        self._flat_state = {slot: a.astype(dtype, copy=False) for slot, a in self._flat_state.items()}
        self.state = {slot: {n: self.flat.view(a, n) for n in self.params} for slot, a in self._flat_state.items()}
        self._scratch = np.empty_like(self.flat.data)
        self._decayed = np.empty_like(self.flat.data) if self.weight_decay else None

    def _follow_parameters(self) -> None:
        """Pack again if a parameter got new arrays (Sequential.astype does): the update must reach them."""
        if self.flat.repack_if_rebound():
            self._views_of_state()

    def zero_grad(self) -> None:
        self._follow_parameters()
        self.flat.grad.fill(0)

    def step(self) -> None:
        """Apply one update to every parameter from its current gradient."""
        self._follow_parameters()
        self.t += 1
        w, tmp, state = self.flat.data, self._scratch, tuple(self._flat_state.values())

        def part(a: int, b: int) -> None:  # element-wise: spans of the buffers update alike on any thread
            self._update(w[a:b], self._grad(a, b), tmp[a:b], *(s[a:b] for s in state))

        parallel.for_spans(len(w), w.itemsize, part)

    def _grad(self, a: int, b: int) -> np.ndarray:
        """The gradient [a:b] with weight decay added, without writing into the parameters' .grad."""
        if not self.weight_decay:
            return self.flat.grad[a:b]
        decayed = self._decayed[a:b]
        np.multiply(self.flat.data[a:b], self.weight_decay, out=decayed)  # wd * w
        decayed += self.flat.grad[a:b]  # g + wd * w
        return decayed

    def _update(self, w: np.ndarray, g: np.ndarray, tmp: np.ndarray, *state: np.ndarray) -> None:
        """Update w in place from g (read only); tmp is a free buffer like w; state: the slots' arrays, in order."""
        raise NotImplementedError

    def hyperparams(self) -> dict:
        """JSON-able keyword arguments that `make_optimizer(self.name, params, **...)` takes back."""
        return {"lr": self.lr, "weight_decay": self.weight_decay}

    def state_dict(self) -> dict[str, np.ndarray]:
        state = {STEP_KEY: np.array(self.t, dtype=np.int64)}
        for slot, arrays in self.state.items():
            state.update({f"{slot}.{n}": a.copy() for n, a in arrays.items()})
        return state

    def load_state_dict(self, state: dict[str, np.ndarray]) -> None:
        """Copy `state` into this optimizer after checking every name, shape and value.

        Raises ValueError naming the first problem; nothing changes unless all fits.
        """
        expected = {STEP_KEY} | {f"{s}.{n}" for s in self.state for n in self.params}
        missing, unexpected = sorted(expected - set(state)), sorted(set(state) - expected)
        if missing or unexpected:
            raise ValueError(f"{self.name} optimizer state does not match the parameters: "
                             f"missing {missing or 'nothing'}, unexpected {unexpected or 'nothing'}")
        step = np.asarray(state[STEP_KEY])
        if step.shape != () or step.dtype.kind not in "iu" or int(step) < 0:
            raise ValueError(f"optimizer step count must be a non-negative integer, got {step!r}")
        for slot, arrays in self.state.items():
            for n, target in arrays.items():
                src = np.asarray(state[f"{slot}.{n}"])
                if src.shape != target.shape or src.dtype.kind != "f":
                    raise ValueError(f"optimizer state {slot}.{n} has dtype {src.dtype} and shape {src.shape}, "
                                     f"needs a float array of shape {target.shape}")
                if not np.isfinite(src).all():
                    raise ValueError(f"optimizer state {slot}.{n} holds NaN or infinite values")
        self.t = int(step)
        for slot, arrays in self.state.items():
            for n, target in arrays.items():
                np.copyto(target, state[f"{slot}.{n}"], casting="same_kind")

    def __repr__(self) -> str:
        args = ", ".join(f"{k}={v}" for k, v in self.hyperparams().items())
        return f"{type(self).__name__}({args})"


class SGD(Optimizer):
    """Stochastic gradient descent, optionally with (Nesterov) momentum.

    PyTorch's form: v = momentum * v + g; w -= lr * v
    (Nesterov: w -= lr * (g + momentum * v)), so changing lr mid-run rescales
    the step at once. momentum=0 is plain SGD: w -= lr * g.
    """

    def __init__(self, params, lr, momentum=0.0, nesterov=False, weight_decay=0.0):
        _check_range("momentum", momentum, 0.0, 1.0, high_open=True)
        if nesterov and not momentum:
            raise ValueError("Nesterov momentum needs momentum > 0")
        self.momentum, self.nesterov = float(momentum), bool(nesterov)
        self.slots = ("velocity",) if self.momentum else ()
        super().__init__(params, lr, weight_decay)

    @property
    def name(self) -> str:
        return "nesterov" if self.nesterov else "momentum" if self.momentum else "sgd"

    def _update(self, w, g, tmp, v=None):
        if not self.momentum:
            np.multiply(g, self.lr, out=tmp)  # lr * g
            w -= tmp  # w = w - lr * g
            return
        v *= self.momentum  # momentum * v
        v += g  # v = momentum * v + g
        if self.nesterov:
            np.multiply(v, self.momentum, out=tmp)  # momentum * v
            tmp += g  # g + momentum * v
        else:
            np.copyto(tmp, v)
        tmp *= self.lr  # lr * v (Nesterov: lr * (g + momentum * v))
        w -= tmp  # w = w - lr * v

    def hyperparams(self):
        return {**super().hyperparams(), "momentum": self.momentum, "nesterov": self.nesterov}


class RMSprop(Optimizer):
    """Divide the step by a running root mean square of the gradient (Hinton's lecture 6e).

    s = alpha * s + (1 - alpha) * g**2; w -= lr * g / (sqrt(s) + eps).
    """

    name = "rmsprop"
    slots = ("square_avg",)

    def __init__(self, params, lr, alpha=RMSPROP_ALPHA, eps=EPS, weight_decay=0.0):
        _check_range("alpha", alpha, 0.0, 1.0, high_open=True)
        _check_range("eps", eps, 0.0, math.inf, low_open=True)
        self.alpha, self.eps = float(alpha), float(eps)
        super().__init__(params, lr, weight_decay)

    def _update(self, w, g, tmp, s):
        s *= self.alpha  # s = alpha * s ...
        np.multiply(g, g, out=tmp)  # g**2
        tmp *= 1.0 - self.alpha  # (1 - alpha) * g**2
        s += tmp  # ... + (1 - alpha) * g**2
        np.sqrt(s, out=tmp)  # sqrt(s)
        tmp += self.eps  # sqrt(s) + eps
        np.divide(g, tmp, out=tmp)  # g / (sqrt(s) + eps)
        tmp *= self.lr  # lr * g / (sqrt(s) + eps)
        w -= tmp  # w = w - lr * g / (sqrt(s) + eps)

    def hyperparams(self):
        return {**super().hyperparams(), "alpha": self.alpha, "eps": self.eps}


class Adam(Optimizer):
    """Adam (Kingma and Ba 2015) with bias correction.

    m = b1 m + (1 - b1) g; v = b2 v + (1 - b2) g**2;
    w -= lr * (m / (1 - b1**t)) / (sqrt(v / (1 - b2**t)) + eps).
    The corrections are folded into two scalars so the update is five passes.
    """

    name = "adam"
    slots = ("m", "v")

    def __init__(self, params, lr, betas=ADAM_BETAS, eps=EPS, weight_decay=0.0):
        beta1, beta2 = betas
        _check_range("beta1", beta1, 0.0, 1.0, high_open=True)
        _check_range("beta2", beta2, 0.0, 1.0, high_open=True)
        _check_range("eps", eps, 0.0, math.inf, low_open=True)
        self.beta1, self.beta2, self.eps = float(beta1), float(beta2), float(eps)
        super().__init__(params, lr, weight_decay)

    def _update(self, w, g, tmp, m, v):
        # m = b1 m + (1 - b1) g, written m += (1 - b1) (g - m): the same average in fewer passes.
        np.subtract(g, m, out=tmp)  # g - m
        tmp *= 1.0 - self.beta1  # (1 - b1) (g - m)
        m += tmp  # m = b1 m + (1 - b1) g
        # v = b2 v + (1 - b2) g**2, written v += (1 - b2) (g**2 - v).
        np.multiply(g, g, out=tmp)  # g**2
        tmp -= v  # g**2 - v
        tmp *= 1.0 - self.beta2  # (1 - b2) (g**2 - v)
        v += tmp  # v = b2 v + (1 - b2) g**2
        # Bias correction m_hat = m / (1 - b1**t), v_hat = v / (1 - b2**t), folded into two scalars:
        # lr * m_hat / (sqrt(v_hat) + eps) == step_size * m / (sqrt(v) + eps * sqrt(1 - b2**t)).
        root_bc2 = math.sqrt(1.0 - self.beta2**self.t)  # sqrt(1 - b2**t)
        step_size = self.lr * root_bc2 / (1.0 - self.beta1**self.t)  # lr * sqrt(1 - b2**t) / (1 - b1**t)
        np.sqrt(v, out=tmp)  # sqrt(v)
        tmp += self.eps * root_bc2  # sqrt(v) + eps * sqrt(1 - b2**t)
        np.divide(m, tmp, out=tmp)  # m / (sqrt(v) + eps * sqrt(1 - b2**t))
        tmp *= step_size  # == lr * m_hat / (sqrt(v_hat) + eps)
        w -= tmp  # w = w - lr * m_hat / (sqrt(v_hat) + eps)

    def hyperparams(self):
        return {**super().hyperparams(), "betas": [self.beta1, self.beta2], "eps": self.eps}


def make_optimizer(name: str, params: dict[str, Parameter], lr: float, **kw) -> Optimizer:
    """The optimizer called `name` (one of OPTIMIZERS) over `params`.

    kw: weight_decay for all; momentum for "momentum" and "nesterov" (default
    0.9); alpha, eps for "rmsprop"; betas, eps for "adam". Options that do not
    apply to the chosen optimizer (a momentum for "adam") are ignored, so one
    config can drive every optimizer; `hyperparams()` round-trips.
    """
    if name not in OPTIMIZERS:
        raise ValueError(f"unknown optimizer {name!r}; choose one of {', '.join(OPTIMIZERS)}")
    weight_decay = kw.pop("weight_decay", 0.0)
    if name == "sgd":
        return SGD(params, lr, weight_decay=weight_decay)
    if name in ("momentum", "nesterov"):
        momentum = kw.get("momentum", DEFAULT_MOMENTUM)
        return SGD(params, lr, momentum=momentum, nesterov=name == "nesterov", weight_decay=weight_decay)
    cls, own = (RMSprop, ("alpha", "eps")) if name == "rmsprop" else (Adam, ("betas", "eps"))
    return cls(params, lr, weight_decay=weight_decay, **{k: v for k, v in kw.items() if k in own})


def _check_range(name, value, low, high, low_open=False, high_open=False) -> None:
    """ValueError unless low <= value <= high (strict where open); NaN never passes."""
    ok = isinstance(value, (int, float, np.floating, np.integer)) and not isinstance(value, bool)
    ok = ok and (value > low if low_open else value >= low) and (value < high if high_open else value <= high)
    if not ok:
        lo, hi = "(" if low_open else "[", ")" if high_open else "]"
        raise ValueError(f"{name} must be a number in {lo}{low}, {high}{hi}, got {value!r}")
