"""The per-agency chain a receiver keeps: which sequence numbers and revisions it has accepted.

The caller (the province server, or anyone verifying a series of bundles) stores a ``ChainState`` per
agency and passes it to ``verify_bundle``; after accepting a bundle it stores ``state.advance(...)``.

- A sequence already accepted is a replay and is refused. A sequence more than one ahead of the last
  is accepted with a *gap* reported (the bundles in between may still be travelling: a small report
  sent by network overtakes a large one on a USB stick, or one was rejected and must not hold back
  the rest); the missing numbers are remembered and accepted late when they arrive.
- A bundle that directly follows the last accepted one must name its hash as ``previous_hash``;
  otherwise the agency's history forked (e.g. a device restored from an old backup).
- Per period, only a revision above the highest accepted is taken; an older or equal one is refused
  (the server answers it with a "superseded" receipt).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from desktop.domain.officer_words import period_words
from desktop.sync.bundle_errors import ChainMismatch, OlderRevision, SequenceGapTooLarge, SequenceReplay


@dataclass(frozen=True)
class ChainOutcome:
    """What the chain check found about an acceptable bundle."""

    gap: tuple[int, int] | None = None
    late: bool = False


@dataclass(frozen=True)
class ChainState:
    """What a receiver has accepted from one agency so far (the empty state before the first bundle)."""

    last_sequence: int = 0
    last_hash: str | None = None
    missing: frozenset[int] = frozenset()
    highest_revision: Mapping[str, int] = field(default_factory=lambda: MappingProxyType({}))

    def check(self, manifest: Mapping[str, Any], max_gap: int) -> ChainOutcome:
        """Step 5 of verification: refuse replays, forks, oversized gaps and old revisions."""
        sequence, period, revision = manifest["sequence"], manifest["period"], manifest["revision"]
        late = sequence in self.missing
        if sequence <= self.last_sequence and not late:
            raise SequenceReplay(f"gói số {sequence} đã được nhận (gói mới nhất là số {self.last_sequence}).",
                                 f"bundle number {sequence} was already accepted (latest is {self.last_sequence}).")
        gap_size = sequence - self.last_sequence - 1
        if gap_size > max_gap:
            raise SequenceGapTooLarge(f"gói số {sequence} nhảy quá xa sau số {self.last_sequence}.",
                                      f"bundle number {sequence} jumps too far past {self.last_sequence}.")
        if gap_size == 0 and self.last_hash is not None and manifest["previous_hash"] != self.last_hash:
            raise ChainMismatch(f"gói số {sequence} không nối tiếp gói số {self.last_sequence} đã nhận.",
                                f"bundle number {sequence} does not follow accepted bundle {self.last_sequence}.")
        highest = self.highest_revision.get(period, 0)
        if revision <= highest:
            named = period_words(period)
            raise OlderRevision(f"kỳ {named[0]} đã nhận lần {highest}; lần {revision} không mới hơn.",
                                f"{named[1]} already has revision {highest}; revision {revision} is not newer.")
        gap = (self.last_sequence + 1, sequence - 1) if gap_size > 0 else None
        return ChainOutcome(gap=gap, late=late)

    def advance(self, sequence: int, bundle_hash: str, period: str, revision: int) -> ChainState:
        """The state after accepting the bundle with these manifest fields and hash."""
        revisions = {**self.highest_revision, period: max(revision, self.highest_revision.get(period, 0))}
        if sequence > self.last_sequence:
            missing = self.missing | frozenset(range(self.last_sequence + 1, sequence))
            return ChainState(sequence, bundle_hash, missing, MappingProxyType(revisions))
        return ChainState(self.last_sequence, self.last_hash, self.missing - {sequence}, MappingProxyType(revisions))
