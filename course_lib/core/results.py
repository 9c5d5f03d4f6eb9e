"""Result containers returned by every solver: ``Fit`` for one λ, ``Path`` for a sequence of λ."""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np


@dataclass
class Fit:
    """One fitted model of the objective ``(1/(2n))||y - Xw - b||² + λ·P(w)``.

    coef : (p,) weights w.        intercept : b (unpenalized; 0.0 when fit_intercept=False).
    objective : value of the objective at (coef, intercept).
    gap : duality gap at exit (0.0 for closed forms).
    n_iter : iterations (epochs for coordinate descent) run.   converged : gap <= tol reached.
    history : when ``record=True``, a dict with ``"coef"`` (n_iter+1, p) iterates (first row the start)
        and ``"objective"`` (n_iter+1,) objective values (and solver-specific extras); else None.
    """

    coef: np.ndarray
    intercept: float
    objective: float
    gap: float = 0.0
    n_iter: int = 0
    converged: bool = True
    history: dict | None = None
    lam: float = float("nan")
    method: str = ""
    extras: dict = field(default_factory=dict)

    def predict(self, X) -> np.ndarray:
        from .._internal.validation import as_design

        Xa = as_design(X)
        if Xa.shape[1] != self.coef.shape[0]:
            raise ValueError(f"X has {Xa.shape[1]} columns but the model was fit on {self.coef.shape[0]}")
        return Xa @ self.coef + self.intercept

    @property
    def n_nonzero(self) -> int:
        return int(np.count_nonzero(self.coef))

    def __repr__(self) -> str:
        return (f"Fit(method={self.method!r}, lam={self.lam:.6g}, n_nonzero={self.n_nonzero}/{self.coef.size}, "
                f"objective={self.objective:.10g}, gap={self.gap:.3g}, n_iter={self.n_iter}, "
                f"converged={self.converged})")


@dataclass
class Path:
    """Solutions along decreasing λ.  lams (k,), coefs (k, p), intercepts (k,), gaps (k,), n_iters (k,)."""

    lams: np.ndarray
    coefs: np.ndarray
    intercepts: np.ndarray
    gaps: np.ndarray
    n_iters: np.ndarray
    l1_ratio: float = float("nan")
    method: str = ""

    @property
    def n_nonzero(self) -> np.ndarray:
        return np.count_nonzero(self.coefs, axis=1)

    def predict(self, X) -> np.ndarray:
        """(n, k) predictions, one column per λ."""
        from .._internal.validation import check_predict_design

        Xa = check_predict_design(X, self.coefs.shape[1], "the path")
        return Xa @ self.coefs.T + self.intercepts

    def __len__(self) -> int:
        return self.lams.shape[0]

    def __repr__(self) -> str:
        return (f"Path(method={self.method!r}, k={len(self)}, lam from {self.lams[0]:.4g} to {self.lams[-1]:.4g}, "
                f"max gap={self.gaps.max():.3g})")
