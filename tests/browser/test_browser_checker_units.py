"""The browser checker's pure parts, without a browser (these run in `make test` too)."""
from browser_check import NotebookReport, is_benign, saved_demo_cells, saved_errors, unexecuted_code_cells


def model(*cells):
    return {"content": {"cells": list(cells)}}


def code(source, outputs=(), count=1):
    return {"cell_type": "code", "source": source, "outputs": list(outputs), "execution_count": count}


DEMO_OUT = {"output_type": "execute_result", "data": {"text/plain": "Interactive demo '03_lasso_sparsity': λ",
                                                       "application/vnd.jupyter.widget-view+json": {}}}


def test_demo_cells_and_errors_are_read_from_the_saved_notebook():
    m = model(code("import course_lib"), {"cell_type": "markdown", "source": "x"}, code("demo", [DEMO_OUT]),
              code("1/0", [{"output_type": "error", "ename": "ZeroDivisionError", "evalue": "division by zero"}]),
              code("later", count=None), code("", count=None))
    assert saved_demo_cells(m) == [(2, "03_lasso_sparsity")]
    assert saved_errors(m) == [(3, "ZeroDivisionError: division by zero")]
    assert unexecuted_code_cells(m) == [4]  # the empty cell does not count


def test_only_known_noise_is_ignored_in_the_console():
    assert is_benign("Failed to load resource: net::ERR_NAME_NOT_RESOLVED", "https://jupyterlab.github.io/feed.xml")
    assert is_benign("Failed to load resource: the server responded with a status of 404",
                     "http://127.0.0.1:8888/favicon.ico")
    assert not is_benign("Failed to load resource: the server responded with a status of 500",
                         "http://127.0.0.1:8888/api/kernels")
    assert not is_benign("Error: Could not create a view for model id abc", "")
    assert not is_benign("Uncaught TypeError: cannot read properties of undefined", "")


def test_problems_name_the_notebook_and_the_demo():
    report = NotebookReport(notebook="03_l1_norm_lasso.ipynb")
    report.fail("did not change", "03_lasso_sparsity")
    report.fail("cell 4 raised")
    assert report.problems == ["03_l1_norm_lasso.ipynb: demo '03_lasso_sparsity': did not change",
                               "03_l1_norm_lasso.ipynb: cell 4 raised"]
    assert not report.ok and "03_l1_norm_lasso.ipynb: 2 problem(s)" in report.failure_message()
