"""`score_dataset`: `authentic-nlp score --engine ray`, on a Ray cluster through Ray Data.

    read (one task, in order) ─> score (N actors, one Analyzer each, map_batches with a class)
        ─> [--creator-signals: groupby("creator") ─> map_groups] ─> write

The job is the local `score` spread out: the same readers, duplicate-id check and length limits
(`ray_stages.RecordsDatasource`), the same per-chunk scoring (`runner._score_chunk` in each actor)
and the same writing loop (`batch.write_outcomes`), so every input record gives one output or one
quarantine record, as locally. Ray Data streams blocks with backpressure, so memory stays bounded.

Output: with `ordered=True`, one file at `output` (and its quarantine file), byte-identical to local
`score` on the same input; otherwise a folder (a path or a pyarrow filesystem URI such as `s3://`)
of shards `part-NNNNN.<format>` with `part-NNNNN.quarantine.jsonl` beside them, in no set order.

Actors ask for a fraction of a CPU (`actor_cpus`): with whole CPUs, N actors on an N-CPU cluster
leave the read task no slot and the job hangs (ray-project/ray issue 44687). Ray is imported only
here, inside `score_dataset`; without it the error names the extra to install.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from ..errors import AuthenticNLPError
from ..io.formats import SUFFIXES, format_of
from ..io.remote import is_uri

if TYPE_CHECKING:   # the pipeline (spaCy) loads only when a job runs, after Ray is found
    from ..pipeline import AnalysisOptions
    from .batch import ScoreSummary

logger = logging.getLogger(__name__)

RAY_EXTRA = "authentic-nlp[ray]"
ACTOR_CPUS = 0.5      # per scoring actor; fractional (see the module docstring)
SIDE_CPUS = 0.25      # the read task, the write tasks and the creator groups
DEFAULT_SHARD_FORMAT = "parquet"
NODE_ID_LABEL = "ray.io/node-id"
BATCH_ROWS = 64       # records a scoring batch (the local runner's chunk size)


def require_ray() -> Any:
    try:
        import ray
        import ray.data  # noqa: F401
    except ImportError:
        raise AuthenticNLPError("E302", what="--engine ray", package="ray[data]", extra=RAY_EXTRA) from None
    return ray


def _input_names(inputs: list[str | Path]) -> list[str]:
    from ..io.remote import check_exists

    names = [str(name) if is_uri(str(name)) else str(Path(name)) for name in inputs]
    for name in names:
        check_exists(name)
    return names


def _shard_format(output: str, explicit: str | None) -> str:
    if explicit:
        return format_of(Path(output), explicit)
    suffix = Path(output.rstrip("/")).suffix.lower()
    return SUFFIXES.get(suffix, DEFAULT_SHARD_FORMAT)


def _prepare_folder(output: str, force: bool) -> None:
    from ..io.remote import local_path_of, make_folder

    local = local_path_of(output)
    if local is not None and local.exists():
        if not local.is_dir():
            raise AuthenticNLPError("E401", option="--output", detail=f"{output} is a file; sharded output needs a folder")
        old = sorted(local.glob("part-*"))
        if old and not force:
            raise AuthenticNLPError("E103", path=str(output))
        for path in old:
            path.unlink()
    make_folder(output)


def _connect(ray: Any, address: str | None) -> bool:
    """Join the cluster at `address` or start a local one; True when this call started Ray."""
    if ray.is_initialized():
        return False
    logger.info("connecting to Ray at %s", address or "a new local cluster")
    ray.init(address=address, include_dashboard=False, logging_level=logging.WARNING, log_to_driver=False)
    return True


def _read_args(input_format, comments_path, source, column_map, creator) -> dict[str, Any]:
    return {"fmt": input_format, "comments_path": str(comments_path) if comments_path else None, "source": source,
            "column_map": column_map, "creator": creator}


def score_dataset(
    inputs: list[str | Path],
    output: str | Path,
    *,
    options: "AnalysisOptions | None" = None,
    ordered: bool = False,
    workers: int = 1,
    address: str | None = None,
    input_format: str | None = None,
    output_format: str | None = None,
    comments_path: str | Path | None = None,
    source: str | None = None,
    column_map: dict[str, str] | None = None,
    creator: str | None = None,
    on_error: str = "quarantine",
    quarantine: Path | None = None,
    creator_signals: bool = False,
    force: bool = False,
    batch_size: int = BATCH_ROWS,
    actor_cpus: float = ACTOR_CPUS,
    on_outcome: Callable[[Any], None] | None = None,
) -> "ScoreSummary":
    """Score `inputs` on Ray (see the module docstring); returns the same summary as `score_files`."""
    from ..pipeline import AnalysisOptions
    from .batch import ON_ERROR

    if on_error not in ON_ERROR:
        raise AuthenticNLPError("E401", option="--on-error", detail=f"expected one of {', '.join(ON_ERROR)}, got {on_error!r}")
    if on_error == "fail" and not ordered:
        raise AuthenticNLPError("E401", option="--on-error", detail="fail needs --ordered with --engine ray")
    if workers < 1 or actor_cpus <= 0:
        raise AuthenticNLPError("E401", option="--workers", detail=f"need at least one worker and a CPU share, got {workers} and {actor_cpus}")
    ray = require_ray()
    names = _input_names(inputs)
    options = options or AnalysisOptions()
    output = str(output)
    if ordered:
        from ..io.results import check_targets
        from ..io.writers import quarantine_path_for

        quarantine = Path(quarantine) if quarantine else quarantine_path_for(Path(output))
        local_inputs = [Path(n) for n in names if not is_uri(n)]
        check_targets(local_inputs + ([Path(comments_path)] if comments_path else []), Path(output),
                      quarantine if on_error == "quarantine" else None, force)
    else:
        _prepare_folder(output, force)
    started_ray = _connect(ray, address)
    started = time.perf_counter()
    try:
        dataset = _build(ray, names, _read_args(input_format, comments_path, source, column_map, creator), options,
                         workers, batch_size, actor_cpus, creator_signals, ordered)
        if ordered:
            summary = _write_ordered(dataset, Path(output), format_of(Path(output), output_format), quarantine,
                                     on_error, on_outcome)
        else:
            summary = _write_shards(dataset, output, _shard_format(output, output_format), on_error)
    finally:
        if started_ray:
            ray.shutdown()
    summary.seconds = time.perf_counter() - started
    logger.info("scored %d of %d records on Ray in %.1f s", summary.scored, summary.records_in, summary.seconds)
    return summary


def _build(ray: Any, names: list[str], read_args: dict[str, Any], options: "AnalysisOptions", workers: int,
           batch_size: int, actor_cpus: float, creator_signals: bool, ordered: bool) -> Any:
    from .ray_stages import RecordsDatasource, ScoreActor, creator_group

    context = ray.data.DataContext.get_current()
    context.execution_options.preserve_order = ordered
    context.enable_progress_bars = False
    placement: dict[str, Any] = {}
    given = names + ([read_args["comments_path"]] if read_args["comments_path"] else [])
    if not all(is_uri(name) for name in given):
        # local paths exist on this node only: the read task runs here
        placement["label_selector"] = {NODE_ID_LABEL: ray.get_runtime_context().get_node_id()}
    dataset = ray.data.read_datasource(RecordsDatasource(names, read_args, batch_size), num_cpus=SIDE_CPUS,
                                       **placement)
    dataset = dataset.map_batches(ScoreActor, fn_constructor_args=(options, creator_signals), batch_size=batch_size,
                                  batch_format="pyarrow", compute=ray.data.ActorPoolStrategy(size=workers),
                                  num_cpus=actor_cpus)
    if creator_signals:
        dataset = dataset.groupby("creator").map_groups(creator_group, fn_args=(options,), batch_format="pyarrow",
                                                        num_cpus=SIDE_CPUS)
        if ordered:
            dataset = dataset.sort("seq")
    return dataset


def _write_ordered(dataset: Any, output: Path, fmt: str, quarantine: Path, on_error: str,
                   on_outcome: Callable[[Any], None] | None) -> "ScoreSummary":
    from ..io.results import ResultFiles
    from .batch import ScoreSummary, write_outcomes
    from .ray_stages import creator_summaries_of, outcomes_of

    summary = ScoreSummary(output=str(output))
    results = ResultFiles(output, fmt, quarantine if on_error == "quarantine" else None)
    creators: list[str] = []
    try:
        for batch in dataset.iter_batches(batch_format="pyarrow", batch_size=None):
            write_outcomes(outcomes_of(batch), results, on_error, summary, on_outcome)
            creators.extend(creator_summaries_of(batch))
        summary.quarantine = results.commit()
    except BaseException:
        results.abort()
        raise
    if creators:
        target = output.with_name(f"{output.name.split('.')[0]}.creators.jsonl")
        target.write_text("".join(line + "\n" for line in creators), encoding="utf-8")
    return summary


def _write_shards(dataset: Any, folder: str, fmt: str, on_error: str) -> "ScoreSummary":
    from .batch import ScoreSummary
    from .ray_stages import ShardSink

    sink = ShardSink(folder, fmt, on_error)
    dataset.write_datasink(sink, ray_remote_args={"num_cpus": SIDE_CPUS})
    summary = ScoreSummary(output=folder)
    for part in sink.summaries:
        summary.records_in += part.records_in
        summary.scored += part.scored
        summary.quarantined += part.quarantined
        summary.skipped += part.skipped
        summary.texts += part.texts
        for code, count in part.errors_by_code.items():
            summary.errors_by_code[code] = summary.errors_by_code.get(code, 0) + count
    summary.quarantine = folder if summary.quarantined else None
    return summary
