"""Property: any value set that passes validation survives a save to the encrypted store and a reload unchanged."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.domain.report_values import normalise_indicator_values, normalise_task_values
from desktop.domain.task_status import TASK_STATUSES
from desktop.domain.validation import validate_report
from desktop.models.store import Store
from desktop.services import reports
from tests.services.conftest import TODAY

PERIOD = "2026Q4"
LETTERS = "aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậềểễếệ ỳỷỹýỵ.,;-%0123456789\n"
VIETNAMESE = st.text(alphabet=st.sampled_from(LETTERS), min_size=1, max_size=60)
PERCENT = st.one_of(st.none(), st.integers(0, 100), st.floats(0, 100, allow_nan=False).map(lambda x: round(x, 2)))
TASK_VALUES = st.fixed_dictionaries({
    "status": st.sampled_from(TASK_STATUSES), "percent": PERCENT, "result": st.one_of(st.none(), VIETNAMESE),
    "difficulties": st.one_of(st.none(), VIETNAMESE), "proposals": st.one_of(st.none(), VIETNAMESE),
    "not_applicable_reason": st.one_of(st.none(), VIETNAMESE)})
INDICATOR_VALUES = st.fixed_dictionaries({
    "numerator": st.one_of(st.none(), st.integers(0, 10_000)),
    "denominator": st.one_of(st.none(), st.integers(1, 10_000)),
    "note": st.one_of(st.none(), VIETNAMESE), "not_applicable_reason": st.one_of(st.none(), VIETNAMESE)})


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(task=TASK_VALUES, indicator=INDICATOR_VALUES)
def test_valid_values_survive_save_and_reload(demo_store: Store, task: dict, indicator: dict) -> None:
    view = reports.open_report(demo_store, PERIOD, TODAY)
    task_item = view.tasks[-1]
    indicator_item = next(i for i in view.indicators if "%" in i.unit)
    entry = {**task, "key": task_item.key, "title": task_item.title}
    if validate_report([entry]).blocking:
        return
    reports.update_task(demo_store, PERIOD, task_item.ref, **task)
    reports.update_indicator(demo_store, PERIOD, indicator_item.ref, **indicator)
    again = reports.open_report(demo_store, PERIOD, TODAY)
    saved_task = next(t for t in again.tasks if t.ref == task_item.ref)
    saved_indicator = next(i for i in again.indicators if i.ref == indicator_item.ref)
    assert saved_task.values() == normalise_task_values(task)
    expected = normalise_indicator_values(indicator)
    assert {k: saved_indicator.values()[k] for k in indicator} == {k: expected[k] for k in indicator}
