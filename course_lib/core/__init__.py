"""The numerical core a learner may reuse: norms, penalties and their prox, the duality gap, KKT checks,
projections onto norm balls, result containers, preprocessing, model selection and support metrics."""
