"""Real data shipped with the package (see ``course_lib/data/README.md`` for provenance and licence)."""
from __future__ import annotations

import io
from importlib import resources

import numpy as np

__all__ = ["load_diabetes", "DIABETES_FEATURES", "load_khan", "KHAN_CLASSES"]

DIABETES_FEATURES = ("age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6")


def load_diabetes(standardized=False):
    """The diabetes data of Efron, Hastie, Johnstone & Tibshirani (2004, "Least Angle Regression").

    442 patients × 10 baseline measurements, in their ORIGINAL units: age (years), sex (coded 1/2),
    bmi (body-mass index, kg/m²), bp (mean arterial blood pressure), s1..s6 (six blood serum
    measurements: tc, ldl, hdl, tch, ltg (log scale), glu).  Target ``y``: a quantitative measure of
    disease progression one year after baseline (integers from 25 to 346).

    standardized : if True, each column of X is centered and scaled to unit variance (population std,
        ``cl.standardize``) — the scale on which the lasso path of the LARS paper is drawn.  (scikit-learn's
        ``load_diabetes(scaled=True)`` instead scales each column to unit Euclidean norm, i.e. our
        values divided by sqrt(442).)  y is never transformed.
    Returns ``(X, y, feature_names)``: X (442, 10) float64, y (442,) float64, names a list of 10 strings.
    """
    text = resources.files("course_lib").joinpath("data", "diabetes.csv").read_text(encoding="utf-8")
    header = text.split("\n", 1)[0].strip().split(",")
    data = np.loadtxt(io.StringIO(text), delimiter=",", skiprows=1, dtype=np.float64, ndmin=2)
    X = np.ascontiguousarray(data[:, :-1])
    y = np.ascontiguousarray(data[:, -1])
    if standardized:
        from ..core.preprocessing import standardize

        X = standardize(X)
    return X, y, list(header[:-1])


KHAN_CLASSES = ("BL", "EWS", "NB", "RMS")  # codes 1..4 (see data/README.md for how the names were matched)


def _read_khan(name):
    text = resources.files("course_lib").joinpath("data", f"Khan_{name}.csv").read_text(encoding="utf-8")
    lines = text.strip().splitlines()[1:]  # first line: the column names ("V1", ... or "x")
    return np.array([[float(v) for v in line.split(",")] for line in lines], dtype=np.float64)


def load_khan():
    """The Khan et al. (2001) small-round-blue-cell-tumour data, as distributed with ISLR/ISLP.

    Expression of 2,308 genes (cDNA microarrays, log ratios) in 63 training and 20 test samples of four
    childhood tumours: 1 = Burkitt's lymphoma (BL), 2 = Ewing's sarcoma (EWS), 3 = neuroblastoma (NB),
    4 = rhabdomyosarcoma (RMS) — names in ``KHAN_CLASSES`` (index = code − 1).  The values are unchanged
    from the distributed files (not standardized).
    Returns ``(X_train, y_train, X_test, y_test)``: X (63, 2308) and (20, 2308) float64, y int64 codes 1..4.
    """
    X_train, X_test = _read_khan("xtrain"), _read_khan("xtest")
    y_train = _read_khan("ytrain").ravel().astype(np.int64)
    y_test = _read_khan("ytest").ravel().astype(np.int64)
    return X_train, y_train, X_test, y_test
