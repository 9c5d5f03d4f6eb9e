"""Exact low-dimensional problems behind the pictures and widgets: the scalar lasso, two-feature quadratics,
the elastic-net ball and the two-feature lasso, each solved in closed form or to machine precision."""
