"""`score_frame`: a pandas or polars DataFrame, or an Arrow table, in; the same kind out.

    scored = score_frame(df, text="caption", id="post_id", comments="comments")

The output has one row per input row, in order, with the flat columns the CSV writer
writes (`io.columns.output_columns`: `sponsorship.verdict`, `sincerity.score`, ...; lists as JSON
strings; the same flattening code), then `quarantine.code`, `quarantine.field` and
`quarantine.error`, null on scored rows. A row that cannot be scored keeps its `id` and null scores
(`on_error="skip"` drops it, `"raise"` raises `RecordRejected`). Rows go through the same runner as
`authentic-nlp score` (validation, duplicate ids, length limits), so a row scores the same here.

Columns named like contract fields (`creator`, `created_at`, `platform`, `market`, ...) are read as
those fields; `fields={"creator": "account"}` maps others. Without `id`, the row number is the id.
pandas and polars are optional (`pip install 'authentic-nlp[frames]'`); only pyarrow is required.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Mapping

from ..engine.pipe import Quarantined, check_on_error, settle
from ..engine.runner import CHUNK_SIZE, score_items
from ..io.columns import column_kind, output_columns

if TYPE_CHECKING:
    from ..pipeline import AnalysisOptions, Analyzer

SOURCE = "<frame>"
ERROR_COLUMNS = ("quarantine.code", "quarantine.field", "quarantine.error")
ROW_ID = "id"


def _to_arrow(frame: Any) -> tuple[Any, str]:
    """The frame as a pyarrow Table and the kind to give back: pandas, polars or arrow."""
    import pyarrow as pa

    module = type(frame).__module__.split(".")[0]
    if module == "pandas":
        return pa.Table.from_pandas(frame, preserve_index=False), "pandas"
    if module == "polars":
        return frame.to_arrow(), "polars"
    if isinstance(frame, pa.RecordBatch):
        return pa.Table.from_batches([frame]), "arrow"
    if isinstance(frame, pa.Table):
        return frame, "arrow"
    raise TypeError(f"score_frame takes a pandas or polars DataFrame or a pyarrow Table, got {type(frame).__name__}")


def _from_arrow(table: Any, kind: str) -> Any:
    if kind == "pandas":
        return table.to_pandas()
    if kind == "polars":
        import polars as pl

        return pl.from_arrow(table)
    return table


def _contract_view(table: Any, mapping: dict[str, str]) -> tuple[Any, list[str]]:
    """The columns to read and their contract names: the mapped ones, then those already named
    like a contract field that no mapping replaces. Without an id column the row number is the id."""
    import pyarrow as pa

    from ..schema import POST_FIELDS

    missing = [column for column in mapping.values() if column not in table.column_names]
    if missing:
        raise KeyError(f"no column {', '.join(map(repr, missing))} in the frame; it has {table.column_names}")
    picked = dict(mapping)
    for name in table.column_names:
        if name in POST_FIELDS and name not in picked and name not in picked.values():
            picked[name] = name
    if ROW_ID not in picked:
        table = table.append_column("__row_id__", pa.array([str(n) for n in range(table.num_rows)], pa.string()))
        picked[ROW_ID] = "__row_id__"
    return table.select(list(picked.values())), list(picked)


def _output_schema() -> Any:
    """The CSV writer's flat columns with their types (`io.columns`), then the quarantine columns."""
    import pyarrow as pa

    types = {"float": pa.float64(), "int": pa.int64(), "bool": pa.bool_(), "str": pa.string()}
    return pa.schema([pa.field(name, types[column_kind(name)]) for name in output_columns()]
                     + [pa.field(name, pa.string()) for name in ERROR_COLUMNS])


def score_frame(frame: Any, text: str = "text", id: str | None = None, comments: str | None = None, *,
                fields: Mapping[str, str] | None = None, options: "AnalysisOptions | None" = None,
                analyzer: "Analyzer | None" = None, on_error: str = "quarantine", batch_size: int = CHUNK_SIZE,
                n_process: int = 1) -> Any:
    """Score every row of `frame` (see the module docstring); returns the same kind of frame."""
    import pyarrow as pa

    from .. import shared_analyzer
    from ..io.columns import flatten_record
    from ..io.parquet_io import arrow_rows

    check_on_error(on_error)
    analyzer = analyzer or shared_analyzer(options)
    table, kind = _to_arrow(frame)
    mapping = {"text": text, **({"id": id} if id else {}), **({"comments": comments} if comments else {}),
               **dict(fields or {})}
    view, names = _contract_view(table, mapping)
    items = arrow_rows(view.to_batches(max_chunksize=4 * batch_size), names, SOURCE)
    columns = output_columns()
    rows: list[dict[str, Any]] = []
    outcomes = score_items(items, analyzer.options, workers=n_process, chunk_size=batch_size,
                           analyzer=analyzer if n_process == 1 else None)
    for result in settle(outcomes, on_error):
        if not isinstance(result, Quarantined):
            rows.append(flatten_record(result, columns))
            continue
        row_id = result.raw.get("id") if isinstance(result.raw, dict) else None
        rows.append({"id": None if row_id is None else str(row_id), "quarantine.code": result.code,
                     "quarantine.field": result.field, "quarantine.error": result.message})
    return _from_arrow(pa.Table.from_pylist(rows, schema=_output_schema()), kind)
