"""The solvers: ridge (closed form), lasso / elastic net (coordinate descent with working sets, ISTA/FISTA,
the subgradient method) and gradient-based training; their private jitted kernels sit beside them."""
