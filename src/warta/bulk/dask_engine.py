"""The Dask engine: the same batches on a Dask distributed cluster.

With `--scheduler tcp://host:port` it joins a running cluster whose workers have warta
installed; without, it starts a local cluster of worker processes. Tasks carry only the settings
and the batch's documents; each worker rebuilds the pipeline from the settings once and keeps it
(worker.pipeline_for), so nothing unpicklable is ever shipped. Results come back to this process,
which alone writes to the store and the journal.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from ..errors import ConfigError
from ..model import Document
from .flow import default_workers, ordered
from .worker import BatchResult, process_batch


class DaskEngine:
    """Batches as Dask tasks; results gathered in submission order."""

    def __init__(self, *, scheduler: str | None = None, workers: int | None = None) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise ConfigError("--engine dask", "needs Dask: pip install 'warta[dask]'") from None
        self._cluster = None
        try:
            if scheduler:
                self._client = Client(scheduler, timeout="30s")
            else:
                self._cluster = LocalCluster(n_workers=workers or default_workers(), threads_per_worker=1,
                                             processes=True, dashboard_address=None)
                self._client = Client(self._cluster)
        except (OSError, TimeoutError) as error:
            raise ConfigError(f"--scheduler {scheduler}", f"cannot reach the Dask scheduler ({error})") from None
        self.workers = max(1, len(self._client.scheduler_info().get("workers", {})) or (workers or 1))

    def map(self, settings: dict[str, Any], batches: Iterable[list[Document]]) -> Iterator[BatchResult]:
        def submit(batch: list[Document]) -> Any:
            # Settings are a small dict: sent with each task (scattering a dict would split it by key).
            return self._client.submit(process_batch, settings, batch, pure=False)

        return ordered(submit, lambda future: future.result(), batches, in_flight=self.workers * 2)

    def warm(self, settings: dict[str, Any]) -> None:
        """Build the pipeline on every worker now."""
        from .worker import warm

        self._client.run(warm, settings)

    def close(self) -> None:
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()
