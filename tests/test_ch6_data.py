"""The shipped Khan data: shapes, classes and the checksums recorded in course_lib/data/README.md."""
import hashlib
from importlib import resources

import numpy as np
import pytest

import course_lib as cl

SHA256 = {
    "Khan_xtrain.csv": "12148ef490588eb8ac9de3edc89551962a0499bfe78f39726ad58d8d72fd8e90",
    "Khan_ytrain.csv": "ac58f9c840e9e7c47bd17494cf0fe23e7fc9b5371e0d54c1a2a6038f45f637ab",
    "Khan_xtest.csv": "f620e7c092bebd62697c48d0eb586a94533aea9cc98b2ecb65a8c8c2bfe2d05d",
    "Khan_ytest.csv": "92fe0d43b0bb8351873102ca3651a39766c3708da37cf30042fa0fdc58ba01eb",
}


@pytest.mark.parametrize("name", sorted(SHA256))
def test_khan_files_are_the_distributed_ones(name):
    data = resources.files("course_lib").joinpath("data", name).read_bytes()
    assert hashlib.sha256(data).hexdigest() == SHA256[name]
    readme = resources.files("course_lib").joinpath("data", "README.md").read_text(encoding="utf-8")
    assert SHA256[name] in readme


def test_load_khan_shapes_and_classes():
    X, y, Xt, yt = cl.load_khan()
    assert X.shape == (63, 2308) and Xt.shape == (20, 2308)
    assert X.dtype == np.float64 and np.all(np.isfinite(X)) and np.all(np.isfinite(Xt))
    assert np.bincount(y).tolist() == [0, 8, 23, 12, 20]
    assert np.bincount(yt).tolist() == [0, 3, 6, 6, 5]
    assert X[0, 0] == pytest.approx(0.7733437) and X[0, 1] == pytest.approx(-2.438405)
    assert cl.KHAN_CLASSES == ("BL", "EWS", "NB", "RMS")
