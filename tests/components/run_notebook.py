"""Run a notebook's code cells in order, as Jupyter would, without Jupyter: `python run_notebook.py NB.ipynb`.

Prints each cell's last expression (its `_repr_html_` where it has one, as a notebook shows it).
"""

from __future__ import annotations

import ast
import json
import sys


def run(path: str) -> None:
    namespace: dict = {"__name__": "__main__"}
    for cell in json.load(open(path, encoding="utf-8"))["cells"]:
        if cell["cell_type"] != "code":
            continue
        tree = ast.parse("".join(cell["source"]))
        last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
        exec(compile(tree, path, "exec"), namespace)
        if last is not None:
            value = eval(compile(ast.Expression(last.value), path, "eval"), namespace)
            if value is not None:
                shown = value._repr_html_() if hasattr(value, "_repr_html_") else repr(value)
                print(f"[out] {shown}")


if __name__ == "__main__":
    run(sys.argv[1])
