"""The stages of the Ray Data job behind `score --engine ray` (see `engine.distributed`).

    RecordsDatasource   one read task: the inputs through the project's readers (`io.read_records`:
                        contract files, scraper formats, the comments join) and the duplicate-id check,
                        in input order, exactly as `score` reads them; rows {seq, item (a pickled ReadItem)}
    ScoreActor          one Analyzer per actor, loaded once; a batch of items -> pickled `Outcome`s, scored
                        by the runner's own worker code (`runner._init_worker`, `runner._score_chunk`)
    creator_group       with --creator-signals: one creator's outcomes, near-duplicate and templated
                        captions (`sincerity_creator`) and cross-post pod accounts (`pods`)
    ShardSink           unordered output: each write task writes one shard (and its quarantine shard)
                        with the same writers and the same `write_outcomes` loop as `score`

Importing this module imports Ray: only `engine.distributed` does, after checking Ray is installed.
"""

from __future__ import annotations

import pickle
import tempfile
from contextlib import ExitStack, closing
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Iterator

import pyarrow as pa
from ray.data.block import BlockMetadata
from ray.data.datasource import Datasink, Datasource, ReadTask

from ..io import read_records
from ..io.base import ReadItem
from ..io.screening import screen_item
from ..io.remote import join, local_copy, upload
from ..io.results import ResultFiles
from ..io.writers import quarantine_path_for
from ..pipeline import AnalysisOptions
from .batch import ScoreSummary, write_outcomes
from .runner import Outcome, _init_worker, _score_chunk
from .seen_ids import SeenIds

SUFFIX = {"jsonl": ".jsonl", "csv": ".csv", "parquet": ".parquet"}


def _block(seqs: list[int], items: list[bytes]) -> pa.Table:
    return pa.table({"seq": pa.array(seqs, pa.int64()), "item": pa.array(items, pa.binary())})


def _renamed(items: Iterable[ReadItem], names: dict[str, str]) -> Iterator[ReadItem]:
    """Positions name the inputs as given (a URI), not the local copies read."""
    for item in items:
        given = names.get(item.position.path)
        if given is not None:
            item.position = replace(item.position, path=given)
        yield item


def read_blocks(inputs: list[str], read_args: dict[str, Any], block_rows: int) -> Iterator[pa.Table]:
    with ExitStack() as stack:
        local = [stack.enter_context(local_copy(name)) for name in inputs]
        comments = read_args.get("comments_path")
        args = dict(read_args, comments_path=stack.enter_context(local_copy(comments)) if comments else None)
        names = {str(path): name for path, name in zip(local, inputs) if str(path) != name}
        seen = stack.enter_context(closing(SeenIds()))
        seqs: list[int] = []
        items: list[bytes] = []
        for seq, item in enumerate(map(seen.check, map(screen_item, _renamed(read_records(local, **args), names)))):
            seqs.append(seq)
            items.append(pickle.dumps(item, protocol=pickle.HIGHEST_PROTOCOL))
            if len(seqs) >= block_rows:
                yield _block(seqs, items)
                seqs, items = [], []
        if seqs:
            yield _block(seqs, items)


class RecordsDatasource(Datasource):
    """The inputs as one ordered stream of blocks, read by one task (reading is cheap beside
    scoring; one reader keeps the input order, the comments join and the duplicate-id check exact)."""

    def __init__(self, inputs: list[str], read_args: dict[str, Any], block_rows: int) -> None:
        self.inputs, self.read_args, self.block_rows = inputs, read_args, block_rows

    def estimate_inmemory_data_size(self) -> int | None:
        return None

    def get_read_tasks(self, parallelism: int, per_task_row_limit: int | None = None,
                       data_context: Any = None) -> list[ReadTask]:
        inputs, args, rows = self.inputs, self.read_args, self.block_rows
        metadata = BlockMetadata(num_rows=None, size_bytes=None, input_files=None, exec_stats=None)
        return [ReadTask(lambda: read_blocks(inputs, args, rows), metadata)]


class ScoreActor:
    """One analyzer per actor, built once; each batch scored as the local runner's workers score a chunk."""

    def __init__(self, options: AnalysisOptions, creator_signals: bool) -> None:
        _init_worker(options)
        self.creator_signals = creator_signals

    def __call__(self, batch: pa.Table) -> pa.Table:
        items = [pickle.loads(b) for b in batch.column("item").to_pylist()]
        outcomes = _score_chunk(items)
        columns: dict[str, Any] = {
            "seq": batch.column("seq"),
            "outcome": pa.array([pickle.dumps(o, protocol=pickle.HIGHEST_PROTOCOL) for o in outcomes], pa.binary()),
        }
        if self.creator_signals:   # the group step needs the post as read, beside its record
            columns["creator"] = pa.array([_creator(o) for o in outcomes], pa.string())
            columns["post"] = pa.array([pickle.dumps(item.raw if o.ok else None, protocol=pickle.HIGHEST_PROTOCOL)
                                        for item, o in zip(items, outcomes)], pa.binary())
        return pa.table(columns)


def _creator(outcome: Outcome) -> str:
    """The group key: the post's creator; "" for a rejected record or a post without a creator."""
    creator = outcome.record.get("creator") if outcome.ok else None
    return creator if isinstance(creator, str) else ""


@lru_cache(maxsize=4)
def _market_rescorer(options: AnalysisOptions) -> Any:
    from ..analyzers.market_creator import SponsorshipRescorer

    return SponsorshipRescorer(options=options)


def creator_group(group: pa.Table, options: AnalysisOptions) -> pa.Table:
    """One creator's posts, as `analyze_posts` compares them with creator signals: the markets inferred
    with evidence decide the market of posts without one, near-duplicate and templated captions lower
    sincerity; the cross-post pod check is attached to the earliest post."""
    from ..analyzers.pods import creator_pod_signals
    from ..analyzers.sincerity_creator import score_creator_posts
    from ..schema import parse_post

    group = group.sort_by("seq")
    outcomes: list[Outcome] = [pickle.loads(b) for b in group.column("outcome").to_pylist()]
    scored = [o for o in outcomes if o.ok]
    summaries: list[str | None] = [None] * len(outcomes)
    if len(scored) > 1 and group.column("creator")[0].as_py():
        raws = [pickle.loads(b) for b in group.column("post").to_pylist()]
        posts = [parse_post(raw) for raw, o in zip(raws, outcomes) if o.ok]
        records = [o.record for o in scored]
        score_creator_posts(posts, records, _market_rescorer(options))
        from ..io.jsonl import dumps

        pods = creator_pod_signals(zip(posts, records))
        summaries[outcomes.index(scored[0])] = dumps({"creator": posts[0].creator, **pods})
    return pa.table({
        "seq": group.column("seq"),
        "outcome": pa.array([pickle.dumps(o, protocol=pickle.HIGHEST_PROTOCOL) for o in outcomes], pa.binary()),
        "creator_summary": pa.array(summaries, pa.string()),
    })


def outcomes_of(batch: pa.Table) -> Iterator[Outcome]:
    for blob in batch.column("outcome").to_pylist():
        yield pickle.loads(blob)


def creator_summaries_of(batch: pa.Table) -> list[str]:
    if "creator_summary" not in batch.column_names:
        return []
    return [s for s in batch.column("creator_summary").to_pylist() if s is not None]


class ShardSink(Datasink):
    """Each write task writes `part-NNNNN.<format>` (and `part-NNNNN.quarantine.jsonl` when it
    quarantined something) into the output folder, then moves or uploads them there."""

    def __init__(self, folder: str, fmt: str, on_error: str) -> None:
        self.folder, self.fmt, self.on_error = folder, fmt, on_error
        self.summaries: list[ScoreSummary] = []

    def write(self, blocks: Iterable[pa.Table], ctx: Any) -> dict[str, Any]:
        summary = ScoreSummary()
        creators: list[str] = []
        with tempfile.TemporaryDirectory(prefix="authentic_nlp_shard_") as tmp:
            name = f"part-{ctx.task_idx:05d}{SUFFIX[self.fmt]}"
            local = Path(tmp) / name
            quarantine = quarantine_path_for(local) if self.on_error == "quarantine" else None
            results = ResultFiles(local, self.fmt, quarantine)
            try:
                for block in blocks:
                    write_outcomes(outcomes_of(block), results, self.on_error, summary)
                    creators.extend(creator_summaries_of(block))
                written = results.commit()
            except BaseException:
                results.abort()
                raise
            if summary.records_in:
                upload(local, join(self.folder, name))
                if written:
                    upload(Path(written), join(self.folder, Path(written).name))
                if creators:
                    (Path(tmp) / "creators.jsonl").write_text("".join(c + "\n" for c in creators), encoding="utf-8")
                    upload(Path(tmp) / "creators.jsonl", join(self.folder, f"part-{ctx.task_idx:05d}.creators.jsonl"))
        return summary.as_dict()

    def on_write_complete(self, write_result: Any) -> None:
        for part in write_result.write_returns:
            summary = ScoreSummary(records_in=part["records_in"], scored=part["scored"],
                                   quarantined=part["quarantined"], skipped=part["skipped"], texts=part["texts"],
                                   errors_by_code=dict(part["errors_by_code"]))
            self.summaries.append(summary)
