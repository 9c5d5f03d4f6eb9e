"""Alt text written for each figure of ``figures/``, keyed by figure name: (the public plot function that
draws it, relative to ``course_lib.plots``; the description).  The decks use it for ``figures/`` files;
notebooks get it through the display hook of ``registry.install_alt_text`` when a figure drawn by that
function is shown.  Write a description of what the figure shows (axes, what rises or falls, what the
reader should see), not of how it was made.  tests/test_site_alt_text.py checks every function exists.
"""
ALT_TEXT = {
    '01_adam_vs_adamw': (
        'weight_decay_paths.adam_vs_adamw_figure',
        'Left: the paths of Adam with an L2 penalty and of AdamW from w = 0 in the (w1, w2) plane, with the '
        'least-squares point, the ridge solution and the box of half-width 1/λ = 2. Right: distance to each '
        'target against the step on log axes: Adam + L2 reaches the ridge solution, AdamW heads for the '
        'least-squares point inside the box'
    ),
    '01_overfitting': (
        'overfitting.overfitting_figure',
        'Left: ridge fits of a degree-12 polynomial to 15 training points beside the true sine curve, for λ '
        '= 0, for the λ of lowest test error and for λ = 1. Right: training and test error against λ on log '
        'axes: training error rises with λ, test error is lowest at an intermediate λ'
    ),
    '01_ridge_path_diabetes': (
        'ridge_coefficient_path.ridge_path_figure',
        'Ridge coefficient paths of the ten standardised diabetes features against λ on a log scale, least '
        'squares at the right edge; all shrink towards zero as λ grows and some cross zero once on the way'
    ),
    '01_split_cost': (
        'norm_balls.split_cost_figure',
        'The p-norm of w = (t, 1 − t) against the share t of the unit put on the first weight: for p above 1 '
        'the even split t = ½ is cheapest, for p = 1 every split costs the same, for p = 0.5 the even split '
        'is dearest'
    ),
    '01_svd_shrinkage': (
        'ridge_shrinkage.svd_shrinkage_figure',
        'Left: the share d_j²/(d_j² + nλ) that ridge keeps of each of the ten principal directions of the '
        'diabetes design against λ; directions with small singular values are shrunk first. Right: the '
        'effective degrees of freedom falling from 10 to 0 as λ grows'
    ),
    '01_unit_balls': (
        'norm_balls.unit_balls_figure',
        'Left: unit balls of the p-norms for p = 1, 1.5, 2, 4 and infinity, from the diamond to the square, '
        'all convex. Right: the star-shaped ball of p = 0.5, whose chord between (1, 0) and (0, 1) leaves '
        'the ball, so it is not a norm'
    ),
    '02_bias_variance': (
        'collinearity.bias_variance_figure',
        'Squared bias, variance and their sum for ridge against λ, exact curves with simulation points; '
        'variance falls and bias rises with λ, and their sum is smallest near λ = 0.17'
    ),
    '02_coefficient_clouds': (
        'collinearity.coefficient_clouds',
        'Estimates of (w1, w2) over 500 data sets with n = 50 and correlation 0.95 between the features: the '
        'OLS cloud is long and thin along the anti-diagonal, the ridge cloud is short but off the truth, the '
        'lasso cloud piles up on the axes'
    ),
    '02_grouping_effect': (
        'collinearity.grouping_figure',
        'Bars of ridge and lasso coefficients on five features that are pairwise correlated 0.95, each with '
        'true weight 1, both fits giving the group the same total weight: ridge gives every feature about '
        '0.75, the lasso puts the weight on two features and zeros the other three'
    ),
    '02_penalty_gradients': (
        'penalty_gradients.penalty_derivatives',
        'Left: the penalties λ/2·w² and λ|w|. Right: their derivatives, the line λw through zero and the '
        'step λ·sign(w) of constant height, with the whole interval from −λ to λ at zero'
    ),
    '02_penalty_only_dynamics': (
        'penalty_gradients.penalty_only_dynamics_figure',
        'Descent on the penalty alone from w = 1. Left, the first 60 steps: the L2 iterates decay '
        'geometrically, the L1 subgradient iterates walk down in equal steps and then hop around zero, the '
        'L1 proximal step lands on zero. Right, 1000 steps on a log scale: the L2 weight keeps falling and '
        'is never zero, the L1 weight hops with a width of ηλ'
    ),
    '03_constraint_geometry': (
        'constraint_geometry.constraint_geometry_figure',
        'Left: loss ellipses touching the L1 diamond of budget 1 at the corner (1, 0), so w2 is exactly '
        'zero. Right: the same ellipses touching the L2 disk at (0.84, 0.54), where no coordinate is zero'
    ),
    '03_lasso_ridge_paths': (
        'lasso_path.lasso_ridge_paths_figure',
        'Three panels of coefficient paths on standardised diabetes: the lasso against λ and against the '
        'shrinkage ratio, where coefficients leave zero one by one, and ridge against λ, where all '
        'coefficients move smoothly away from zero together'
    ),
    '03_selection_path': (
        'lasso_path.selection_path_figure',
        "Left: precision and recall of the lasso's selected set against λ on simulated data with 5 real "
        'features, with the λ of lowest held-out error marked, where precision is below one half. Right: '
        'held-out error and the number of non-zero coefficients against λ'
    ),
    '03_threshold_maps': (
        'thresholding.threshold_maps_figure',
        'Three maps from the least-squares coefficient z to the penalised estimate for an orthonormal '
        'design: soft-thresholding with a flat zero zone between −λ and λ, proportional shrinkage z/(1 + λ) '
        'that is never zero, and hard thresholding that keeps z only above the square root of 2λ'
    ),
    '04_exact_zeros': (
        'lasso_convergence.exact_zeros_figure',
        'Number of weights exactly zero at each iteration: coordinate descent, FISTA and ISTA climb to the '
        "solution's 77 zeros out of 100, the two subgradient methods stay at zero zeros for all 5000 "
        'iterations'
    ),
    '04_gap_certificate': (
        'lasso_convergence.gap_certificate_figure',
        'The duality gap of ISTA and of coordinate descent against the iteration, lying above the true '
        'suboptimality F(w_k) − F* of the same iterates, with the stopping line gap ≤ 1e-6'
    ),
    '04_prox_convergence': (
        'lasso_convergence.prox_convergence_figure',
        'Suboptimality against iterations on log-log axes: coordinate descent fastest, then FISTA, then '
        'ISTA, all far below the ISTA and FISTA guarantee lines; the diminishing-step subgradient method '
        'slowest'
    ),
    '04_subdifferential': (
        'subdifferential.subdifferential_figure',
        'Left: the absolute value with the supporting lines through its kink. Middle: the subdifferential of '
        '|w|, a step with the whole interval from −1 to 1 at zero. Right: the subdifferential of ½(w − z)² + λ|w| '
        'crossing zero at the minimiser, for z = 0.6 (minimiser 0) and z = −1.8 (minimiser −0.8)'
    ),
    '04_subgradient_convergence': (
        'lasso_convergence.subgradient_convergence_figure',
        'Left: best-so-far suboptimality of the subgradient method for a constant step, a constant step '
        'length and a diminishing step, with the guarantee of the diminishing rule. Right: over the last 60 '
        'of 5000 steps, weights whose solution is zero keep hopping around zero under the subgradient '
        'method, while ISTA holds them exactly at zero'
    ),
    '05_corner_monte_carlo': (
        'corner_study.corner_study_figure',
        'Left: share of 2000 random problems per dimension whose exact L1-constrained optimum has an exact '
        "zero, against the budget as a fraction of the unconstrained optimum's norm, for d = 2, 5, 10 and "
        '20, and zero for the L2 ball. Right: the mean share of coordinates that are exactly zero, nearly '
        'the same for d = 5, 10 and 20'
    ),
    '05_correlated_groups': (
        'comparison.groups_figure',
        'Coefficients of lasso, elastic net and ridge on 40 features: three groups of five near-copies '
        'carrying the signal, then pure noise. The lasso keeps a few members of each group with large '
        'weights, elastic net and ridge keep all five at similar weights, and both also give small weights '
        'to noise features'
    ),
    '05_cv_curves': (
        'comparison.cv_curves_figure',
        'Five-fold cross-validation error with one-standard-error bands against λ for the lasso (left) and '
        'ridge (right), with λ_min and λ_1se marked and the number of non-zero coefficients at each'
    ),
    '05_diabetes': (
        'comparison.diabetes_figure',
        'Coefficients of lasso, ridge and elastic net on the ten standardised diabetes features, at each '
        "model's λ_min (left) and λ_1se (right) from 10-fold cross-validation; the lasso keeps 8 features at "
        'λ_min and 5 at λ_1se, ridge and elastic net keep all 10'
    ),
    '05_head_to_head': (
        'comparison.head_to_head_figure',
        'Two scenarios that differ in several factors at once. Left, sparse truth with n = 100 and p = 500: '
        "the lasso's test error is lower than ridge's. Right, dense correlated truth with n = 60 and p = 30: "
        'ridge and lasso are close'
    ),
    '05_sampling_pitfall': (
        'corner_study.sampling_pitfall_figure',
        'Left: a zoom on the circle of radius 2, where the exact L2 optimum lies 1.35 degrees off the axis '
        'while the best of 100 sampled boundary points lies exactly on it. Right: the share of 2000 problems '
        'with a zero coordinate for three families of losses: the L1 ball exact and sampled agree; the L2 '
        'ball has none exactly but up to 45 % when sampled'
    ),
    '05_selection_frequency': (
        'comparison.selection_frequency_figure',
        'Selection frequency of each feature by the lasso at one fixed λ over 100 bootstrap resamples, '
        'sorted: 5 features are kept in at least 90 % of resamples, 58 in between 10 and 90 %; true features '
        'in vermillion, noise in grey'
    ),
}
