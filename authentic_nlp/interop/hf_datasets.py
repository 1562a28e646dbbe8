"""A Hugging Face `datasets` map function: score a `Dataset` column by column, in batches.

    from authentic_nlp.interop.hf_datasets import scorer

    scored = dataset.map(scorer(text="caption", id="post_id"), batched=True, batch_size=64,
                         with_indices=True, num_proc=2)

Each batch goes through `score_frame` (the same runner and the same flat columns as the CSV and
Parquet writers, `quarantine.*` columns for rows that could not be scored), one output row per
input row. The analyzer is the process's shared one (`shared_analyzer`), so each of `num_proc`
processes builds one, once. With `with_indices=True` and no `id` column, the dataset's row index
is the id. `datasets` itself is an optional extra (`pip install 'authentic-nlp[datasets]'`); this
module does not import it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Mapping, Sequence

if TYPE_CHECKING:
    from ..pipeline import AnalysisOptions

INDEX_COLUMN = "__index__"


@dataclass(frozen=True)
class Scorer:
    """The picklable map function `scorer(...)` returns (it travels to `num_proc` processes)."""

    text: str = "text"
    id: str | None = None
    comments: str | None = None
    fields: Mapping[str, str] = field(default_factory=dict)
    options: "AnalysisOptions | None" = None

    def __call__(self, batch: Mapping[str, Sequence[Any]], indices: Sequence[int] | None = None) -> dict[str, list]:
        import pyarrow as pa

        from .frames import score_frame

        table = pa.table(dict(batch))
        row_id = self.id
        if row_id is None and indices is not None:
            table = table.append_column(INDEX_COLUMN, pa.array([str(i) for i in indices], pa.string()))
            row_id = INDEX_COLUMN
        return score_frame(table, text=self.text, id=row_id, comments=self.comments, fields=self.fields,
                           options=self.options).to_pydict()


def scorer(text: str = "text", id: str | None = None, comments: str | None = None, *,
           fields: Mapping[str, str] | None = None, options: "AnalysisOptions | None" = None) -> Scorer:
    """A map function for `Dataset.map(..., batched=True)`; see the module docstring."""
    return Scorer(text=text, id=id, comments=comments, fields=dict(fields or {}), options=options)
