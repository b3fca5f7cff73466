"""The collector's policy while the first input loads (warta.gcpolicy)."""
import gc

from warta.gcpolicy import LOADING_THRESHOLD, LoadingPhase


def test_loading_makes_collections_rare_then_freezes_and_restores() -> None:
    before = gc.get_threshold()
    frozen = gc.get_freeze_count()
    try:
        loading = LoadingPhase().start()
        assert gc.get_threshold()[0] >= LOADING_THRESHOLD
        kept = [[] for _ in range(100)]  # objects loaded while the phase runs
        loading.settle()
        assert gc.get_threshold() == before
        assert gc.get_freeze_count() >= frozen + len(kept)
        loading.settle()  # once only: a second call freezes nothing more
        assert gc.get_threshold() == before
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)


def test_settle_without_start_changes_nothing() -> None:
    before, frozen = gc.get_threshold(), gc.get_freeze_count()
    LoadingPhase().settle()
    assert gc.get_threshold() == before and gc.get_freeze_count() == frozen


def test_a_long_run_collects_less_often() -> None:
    from warta.gcpolicy import RUNNING_THRESHOLD, for_long_runs

    before = gc.get_threshold()
    try:
        gc.set_threshold(700, 10, 10)
        for_long_runs()
        assert gc.get_threshold() == (RUNNING_THRESHOLD, 10, 10)
    finally:
        gc.set_threshold(*before)


def test_a_server_freezes_what_it_loaded_and_collects_less_often() -> None:
    from warta.gcpolicy import SERVING_THRESHOLD, for_serving

    before = gc.get_threshold()
    try:
        gc.set_threshold(700, 10, 10)
        loaded = [[] for _ in range(1000)]  # objects the collector tracks, alive before serving
        for_serving()
        assert gc.get_threshold() == (SERVING_THRESHOLD, 10, 10)
        assert gc.get_freeze_count() >= len(loaded)
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)
