"""What is mine to report: the role of an agency in a task or indicator, resolving groups.

A task names agencies and groups ("UBND các xã, phường", "Các sở, ban, ngành, địa phương"). An
agency is lead (chủ trì) when it, or a group that includes its kind, is among the lead agencies;
otherwise coordinator (phối hợp) by the same rule; otherwise the task is not its to report.
"""

from __future__ import annotations

from collections.abc import Iterable

from desktop.domain.agencies import canonical_agency, group_includes, is_group
from desktop.domain.text import fold

LEAD = "lead"
COORDINATOR = "coordinator"
ROLE_LABELS = {LEAD: ("Chủ trì", "Lead"), COORDINATOR: ("Phối hợp", "Coordinator")}


def names_agency(names: Iterable[str], agency_name: str, agency_kind: str) -> bool:
    """Whether any of ``names`` is the agency itself or a group that includes its kind."""
    own = fold(canonical_agency(agency_name))
    for name in names:
        if is_group(name):
            if group_includes(name, agency_kind):
                return True
        elif fold(canonical_agency(name)) == own:
            return True
    return False


def role_for(lead: Iterable[str], coordinators: Iterable[str], agency_name: str, agency_kind: str) -> str | None:
    """"lead", "coordinator" or None for this agency."""
    if names_agency(lead, agency_name, agency_kind):
        return LEAD
    if names_agency(coordinators, agency_name, agency_kind):
        return COORDINATOR
    return None
