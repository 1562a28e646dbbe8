"""One local Ray cluster for the whole test session (starting one costs seconds), 2 CPUs."""

from __future__ import annotations

import pytest

@pytest.fixture(scope="session")
def ray_cluster():
    ray = pytest.importorskip("ray")
    pytest.importorskip("ray.data")
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield ray
    ray.shutdown()
