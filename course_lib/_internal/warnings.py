"""The package's own warning classes."""


class ConvergenceWarning(UserWarning):
    """An iterative solver stopped (max_iter reached) before its duality gap fell below ``tol``."""
