"""The agency's report chain as the province keeps it: one sequence per device, one revision ledger per agency.

The rule (docs/sync-protocol.md, "The agency's chain"):

- **Sequences are per device within the agency.** Each device key numbers its own bundles 1, 2, 3 … and
  links each to its own previous bundle (``previous_hash``); the receiver keeps a ``ChainState`` per key.
  A replacement or second PC therefore never collides with the numbers of another PC, and a replay (a
  sequence this key already used) is still refused, forever, as before. A device restored from an old
  backup learns its own last sequence and hash from the province (``GET /v1/chain``) and continues it.
- **Revisions are per agency.** For each period the province holds one highest accepted revision and
  remembers which bundle, which device and when. A bundle of a *lower* revision is "superseded"
  (``older_revision``); a bundle of the *same* revision from anywhere else is a named conflict
  (``revision_conflict``): two PCs signed revision N of one quarter, the first to arrive holds it, the
  second is told who holds it and since when, and opens revision N+1 on top of the province's copy.
  Nothing is ever decided by last-writer-wins.
- **A revision made on a stale copy** (``stale_base``): a format 2 bundle names the hash of the revision it is
  made on (``supersedes_sha256``); when the province holds another bundle as the period's highest revision,
  accepting it would silently undo that one, so it is refused in the words the signing PC uses for the same
  case, with the same way out. A format 1 bundle names its base by number only and is checked as before.
- A bundle signed offline with sequence k on device A while device B also signed its own k: no clash,
  they are different chains. If both signed the same revision, the later arrival gets the conflict; its
  sequence number stays unused on the province (a gap in A's chain, accepted like any gap), so A's next
  bundle goes through.

Before this rule the server kept one ``ChainState`` per agency (its JSON had ``last_sequence`` at the top);
such a state is read as the chain of the agency's oldest device, which was the only one that could report.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from types import MappingProxyType
from typing import Any

from desktop.domain.officer_words import moment_words, period_words
from desktop.domain.periods import SHORT, Period, PeriodError
from desktop.errors import IntegrityError
from desktop.sync.bundle_chain import ChainOutcome, ChainState
from desktop.sync.bundle_container import SUPERSEDES_SHA256
from desktop.sync.bundle_errors import BundleError, OlderRevision

REVISION_CONFLICT = "revision_conflict"
# The way out of a conflict and of a stale base, in both messages: the window's menu item and the command.
WAY_OUT = ("menu Báo cáo › «Mở lần sửa đổi mới từ bản của Sở…» hoặc lệnh baocao revise-from-province.",
           "Report › «New revision from the province's copy…» or the command baocao revise-from-province.")
STALE_BASE = "stale_base"


@dataclass(frozen=True)
class PeriodHolder:
    """The bundle that holds a period's highest accepted revision: which one, from which device, when."""

    revision: int
    bundle_id: str | None = None
    sha256: str | None = None
    key_id: str | None = None
    device_name: str | None = None
    received_at: int | None = None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {"revision": self.revision, "bundle_id": self.bundle_id, "sha256": self.sha256,
                "key_id": self.key_id, "device_name": self.device_name, "received_at": self.received_at}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> PeriodHolder:
        """From ``to_dict`` output (a bare revision number for a state kept before the ledger existed)."""
        return cls(int(data["revision"]), data.get("bundle_id"), data.get("sha256"), data.get("key_id"),
                   data.get("device_name"), data.get("received_at"))


class RevisionConflict(BundleError):
    """Another bundle already holds this revision of the period: the agency must open the next revision."""

    code = REVISION_CONFLICT
    check_vi = "lần báo cáo"
    check_en = "revision"

    def __init__(self, period: str, holder: PeriodHolder) -> None:
        IntegrityError.__init__(self, *conflict_message(period, holder))
        self.period = period
        self.holder = holder


class StaleBase(BundleError):
    """The bundle is made on another revision than the one the province holds: accepting it would undo that one."""

    code = STALE_BASE
    check_vi = "bản gốc của lần sửa đổi"
    check_en = "revision base"

    def __init__(self, revision: int, base: int | None, holder: PeriodHolder) -> None:
        IntegrityError.__init__(self, *stale_base_message(revision, base, holder, here=False))
        self.holder = holder


def stale_base_message(revision: int, base: int | None, holder: PeriodHolder, *, here: bool) -> tuple[str, str]:
    """Why revision ``revision`` (made on ``base``) cannot stand, Vietnamese and English: the province holds
    revision N from another PC (named, with when); the way out. ``here``: said on the PC before signing,
    else by the province refusing the bundle."""
    pc_vi, pc_en = ("trên máy này", "on this PC") if here else ("trên máy đã ký", "on the PC that signed it")
    made_vi = f"được soạn từ lần {base} {pc_vi}" if base else f"được soạn {pc_vi}"
    made_en = f"was made from revision {base} {pc_en}" if base else f"was made {pc_en}"
    act_vi, act_en = ("ký", "signing") if here else ("nhận", "accepting")
    device_vi, device_en = held_from(holder)
    n = holder.revision
    return (f"Lần {revision} {made_vi}, trong khi Sở đã nhận lần {n} {device_vi}; {act_vi} lần này sẽ ghi đè lần {n} "
            f"bằng nội dung cũ. Hãy mở lần sửa đổi mới từ bản của Sở: {WAY_OUT[0]}",
            f"Revision {revision} {made_en}, while the province has received revision {n} {device_en}; {act_en} "
            f"it would overwrite revision {n} with older content. Open a new revision from the province's copy: "
            f"{WAY_OUT[1]}")


def conflict_message(period: str, holder: PeriodHolder) -> tuple[str, str]:
    """The conflict's message, Vietnamese and English: who holds revision N of the period and since when."""
    label_vi, label_en = period_label(period)
    from_vi, from_en = held_from(holder)
    n = holder.revision
    return (f"Lần {n} của báo cáo {label_vi} đã được Sở nhận {from_vi}; hãy mở lần sửa đổi mới "
            f"(lần {n + 1}) trên nội dung Sở đang giữ: {WAY_OUT[0]}",
            f"Revision {n} of the {label_en} report was already received by the province {from_en}; "
            f"open a new revision ({n + 1}) on top of what the province holds: {WAY_OUT[1]}")


def period_label(period: str) -> tuple[str, str]:
    """«quý IV/2026» and «Q4 2026»; the code itself when it is not a quarter's. The short style of
    ``Period.label``, with «quý» in lower case as it follows «báo cáo» inside these sentences."""
    try:
        parsed = Period.parse(period)
    except PeriodError:
        return period, period
    short = parsed.label("vi", SHORT)
    return short[0].lower() + short[1:], parsed.label("en", SHORT)


def held_from(holder: PeriodHolder) -> tuple[str, str]:
    """From which PC and when the province received the held revision, Vietnamese and English."""
    device = holder.device_name or "khác"
    device_en = holder.device_name or "another PC"
    if holder.received_at is None:
        return f"từ máy {device}", f"from {device_en}"
    vi, en = moment_words(datetime.fromtimestamp(holder.received_at, UTC))
    return f"từ máy {device} lúc {vi}", f"from {device_en} at {en}"


@dataclass(frozen=True)
class AgencyChain:
    """Every device's chain of one agency and, per period, the bundle holding the highest revision."""

    devices: Mapping[str, ChainState] = field(default_factory=lambda: MappingProxyType({}))
    periods: Mapping[str, PeriodHolder] = field(default_factory=lambda: MappingProxyType({}))

    def device(self, key_id: str) -> ChainState:
        """The chain of one device key (empty for a key that never had a bundle accepted)."""
        return self.devices.get(key_id, ChainState())

    def check(self, manifest: Mapping[str, Any], max_gap: int) -> ChainOutcome:
        """Refuse a replay, fork or oversized gap in the signer's chain, then an old or already held revision,
        then a revision made on another than the held one (format 2 only: format 1 does not say)."""
        outcome = self.device(manifest["signer"]).check(manifest, max_gap)
        period, revision = manifest["period"], manifest["revision"]
        holder = self.periods.get(period)
        if holder is not None and revision == holder.revision:
            raise RevisionConflict(period, holder)
        if holder is not None and revision < holder.revision:
            named = period_words(period)
            raise OlderRevision(f"kỳ {named[0]} đã nhận lần {holder.revision}; lần {revision} không mới hơn.",
                                f"{named[1]} already has revision {holder.revision}; revision {revision} is not newer.")
        if holder is not None and holder.sha256 is not None and SUPERSEDES_SHA256 in manifest \
                and manifest[SUPERSEDES_SHA256] != holder.sha256:
            raise StaleBase(revision, manifest["supersedes"], holder)
        return outcome

    def advance(self, manifest: Mapping[str, Any], sha256: str, device_name: str | None,
                received_at: int) -> AgencyChain:
        """The state after accepting this bundle (``check`` passed)."""
        signer, period, revision = manifest["signer"], manifest["period"], manifest["revision"]
        device = replace(self.device(signer).advance(manifest["sequence"], sha256, period, revision),
                         highest_revision=MappingProxyType({}))
        holder = PeriodHolder(revision, manifest["bundle_id"], sha256, signer, device_name, received_at)
        return AgencyChain(MappingProxyType({**self.devices, signer: device}),
                           MappingProxyType({**self.periods, period: holder}))

    def to_json(self) -> str:
        """The stored JSON."""
        return json.dumps({"devices": {kid: {"last_sequence": s.last_sequence, "last_hash": s.last_hash,
                                             "missing": sorted(s.missing)} for kid, s in self.devices.items()},
                           "periods": {p: h.to_dict() for p, h in self.periods.items()}}, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str | None, legacy_owner: str | None = None) -> AgencyChain:
        """The state from its JSON; a state of the one-chain-per-agency days goes to ``legacy_owner``."""
        data = json.loads(text or "{}")
        devices = {kid: _device_state(d) for kid, d in data.get("devices", {}).items()}
        periods = {p: PeriodHolder.from_dict(h) for p, h in data.get("periods", {}).items()}
        if "last_sequence" in data:
            if legacy_owner is not None and legacy_owner not in devices:
                devices[legacy_owner] = _device_state(data)
            for period, revision in dict(data.get("highest_revision", {})).items():
                if period not in periods:
                    periods[period] = PeriodHolder(int(revision))
        return cls(MappingProxyType(devices), MappingProxyType(periods))

    def position(self, key_id: str) -> dict[str, Any]:
        """What a device learns at enrollment and at each sync (``GET /v1/chain``)."""
        own = self.device(key_id)
        return {"device": {"key_id": key_id, "last_sequence": own.last_sequence, "last_hash": own.last_hash},
                "periods": {p: h.to_dict() for p, h in sorted(self.periods.items())}}


def _device_state(data: Mapping[str, Any]) -> ChainState:
    return ChainState(int(data.get("last_sequence", 0)), data.get("last_hash"), frozenset(data.get("missing", ())))
