"""Reading and writing groepsscans entered in the app: the form's starting point, drafts, finishing.

Every write checks the role, the scope and the step-2A gate, names the versions it started from
(optimistic locking: a stale save raises ConcurrentEditError and changes nothing) and commits its
audit record in the same transaction.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, Final

from pydantic import BaseModel, ConfigDict, ValidationError
from sqlalchemy import delete, or_, select

from dashboard.access import require
from dashboard.audit import AuditEntry, append_audit, entry_for
from dashboard.groups.queries import load_group_row
from dashboard.process.scan_sync import sync_hangplekken, sync_members, write_ratings
from dashboard.process.scans import (
    HangplekInput,
    MemberInput,
    RatingInput,
    ScanDraft,
    ScanError,
    ScanFinal,
    TimeInput,
    can_rate,
    require_finish,
)
from dashboard.storage.locking import ConcurrentEditError, update_versioned
from dashboard.storage.schema import metadata

if TYPE_CHECKING:
    from sqlalchemy import Connection
    from sqlalchemy.engine import Engine

    from dashboard.access import Identity

__all__ = ["GATE", "NOT_FOUND", "ScanForm", "delete_draft", "finish_scan", "load_form", "save_draft"]

T = metadata.tables
NOT_FOUND = "Deze groep bestaat niet of valt buiten uw gebied."
GATE = (
    "Voor deze groep mag geen groepsscan worden gemaakt: ze is in stap 2A niet als problematisch "
    "beoordeeld (dataminimalisatie: geen namenlijst en geen scan). Leg eerst de beoordeling vast in "
    "stap 2A, op de groepspagina."
)
# What only the specialist sets; a wijkagent's draft keeps the stored values of these fields.
PROTECTED: Final = ("beoordelingen", "leden", "radicaliseringssignaal")


class ScanForm(BaseModel):
    """What the form edits: the draft and the versions it started from (for optimistic locking)."""

    model_config = ConfigDict(frozen=True)

    draft: ScanDraft
    werknaam: str
    groep_versie: int
    scan_id: str | None = None
    scan_versie: int | None = None
    gewijzigd_door: str | None = None
    gewijzigd_op: dt.datetime | None = None


def _group(engine: Engine, identity: Identity, groep_id: str) -> dict[str, Any]:
    """The group row inside the user's scope, if it passed the 2A gate; else ScanError (Dutch)."""
    require(identity, "groepsscan_invoer")
    frame = load_group_row(engine, identity.scope, groep_id)
    if frame.is_empty():
        raise ScanError(NOT_FOUND)
    row = frame.row(0, named=True)
    if row["beoordeling_2a"] != "problematisch":
        raise ScanError(GATE)
    return row


def _hangplekken(connection: Connection, groep_id: str) -> tuple[HangplekInput, ...]:
    hangplek, tijd = T["hangplek"], T["hangplek_tijd"]
    places = connection.execute(
        select(hangplek).where(hangplek.c.groep_id == groep_id).order_by(hangplek.c.hangplek_id)
    ).mappings()
    times = connection.execute(
        select(tijd)
        .join(hangplek, hangplek.c.hangplek_id == tijd.c.hangplek_id)
        .where(hangplek.c.groep_id == groep_id)
        .order_by(tijd.c.weekdag, tijd.c.uur_van)
    ).mappings()
    per_place: dict[str, list[TimeInput]] = {}
    for row in times:
        per_place.setdefault(row["hangplek_id"], []).append(TimeInput.model_validate(dict(row)))
    return tuple(
        HangplekInput.model_validate({**row, "tijden": per_place.get(row["hangplek_id"], [])})
        for row in places
    )


def _ratings(connection: Connection, groep_id: str) -> tuple[tuple[RatingInput, ...], str, bool]:
    """The latest finished scan's ratings, narrative and flag: the new scan's starting point."""
    scan, beoordeling = T["groepsscan"], T["beoordeling"]
    latest = connection.execute(
        select(scan.c.scan_id, scan.c.narratief, scan.c.radicaliseringssignaal)
        .where(scan.c.groep_id == groep_id, scan.c.status == "definitief")
        .order_by(scan.c.datum.desc(), scan.c.scan_id.desc())
        .limit(1)
    ).one_or_none()
    if latest is None:
        return ScanDraft(groep_id=groep_id, datum=dt.date.min).beoordelingen, "", False
    rows = connection.execute(select(beoordeling).where(beoordeling.c.scan_id == latest.scan_id)).mappings()
    ratings = {
        row["dimensie"]: RatingInput.model_validate({**row, "bronnen": str(row["bronnen"]).split(";")})
        for row in rows
    }
    base = ScanDraft(groep_id=groep_id, datum=dt.date.min)
    return (
        tuple(ratings.get(r.dimensie, r) for r in base.beoordelingen),
        latest.narratief,
        latest.radicaliseringssignaal,
    )


def _members(connection: Connection, groep_id: str, datum: dt.date) -> tuple[MemberInput, ...]:
    lid = T["lidmaatschap"]
    rows = connection.execute(
        select(lid.c.persoon_id, lid.c.rol, lid.c.van, lid.c.tot, lid.c.bron)
        .where(lid.c.groep_id == groep_id, or_(lid.c.tot.is_(None), lid.c.tot >= datum))
        .order_by(lid.c.van, lid.c.persoon_id)
    ).mappings()
    return tuple(MemberInput.model_validate(dict(row)) for row in rows)


def _base_draft(engine: Engine, row: dict[str, Any], datum: dt.date) -> ScanDraft:
    """A new scan of the group as it stands: its hangplekken, platforms, members and latest ratings."""
    groep_id = row["groep_id"]
    with engine.connect() as connection:
        ratings, narratief, signaal = _ratings(connection, groep_id)
        return ScanDraft(
            groep_id=groep_id,
            datum=datum,
            narratief=narratief,
            radicaliseringssignaal=signaal,
            beoordelingen=ratings,
            hangplekken=_hangplekken(connection, groep_id),
            online_platforms=tuple(str(row["online_platforms"] or "").split(";")),
            leden=_members(connection, groep_id, datum),
        )


def _open_concept(connection: Connection, groep_id: str) -> dict[str, Any] | None:
    scan = T["groepsscan"]
    row = (
        connection.execute(
            select(scan)
            .where(scan.c.groep_id == groep_id, scan.c.status == "concept")
            .order_by(scan.c.gewijzigd_op.desc(), scan.c.scan_id.desc())
            .limit(1)
        )
        .mappings()
        .one_or_none()
    )
    return None if row is None else dict(row)


def load_form(engine: Engine, identity: Identity, groep_id: str, datum: dt.date) -> ScanForm:
    """The group's open draft, or a new scan dated `datum` that starts from the group as it stands."""
    row = _group(engine, identity, groep_id)
    with engine.connect() as connection:
        concept = _open_concept(connection, groep_id)
    if concept is None:
        return ScanForm(
            draft=_base_draft(engine, row, datum), werknaam=row["werknaam"], groep_versie=row["versie"]
        )
    try:
        draft = ScanDraft.model_validate_json(concept["concept"] or "")
    except ValidationError:  # an unreadable draft: start again from the group, keep the draft's date
        draft = _base_draft(engine, row, concept["datum"])
    return ScanForm(
        draft=draft,
        werknaam=row["werknaam"],
        groep_versie=row["versie"],
        scan_id=concept["scan_id"],
        scan_versie=concept["versie"],
        gewijzigd_door=concept["gewijzigd_door"],
        gewijzigd_op=concept["gewijzigd_op"],
    )


def _stored_draft(engine: Engine, form: ScanForm, row: dict[str, Any]) -> ScanDraft:
    """The draft as stored (or the group as it stands): the source of the specialist's fields."""
    if form.scan_id is not None:
        with engine.connect() as connection:
            concept = _open_concept(connection, row["groep_id"])
        if concept is not None and concept["scan_id"] == form.scan_id:
            try:
                return ScanDraft.model_validate_json(concept["concept"] or "")
            except ValidationError:
                pass
    return _base_draft(engine, row, form.draft.datum)


def _entry(identity: Identity, actie: str, scan_id: str, draft: ScanDraft, **details: int) -> AuditEntry:
    counts = {
        "beoordelingen_boven_0": sum(r.score > 0 for r in draft.beoordelingen),
        "hangplekken": len(draft.hangplekken),
        "leden": len(draft.leden),
        **details,
    }
    return entry_for(
        identity,
        "wijziging",
        actie,
        object_type="groepsscan",
        object_id=scan_id,
        groep_id=draft.groep_id,
        details=counts,
    )


def _scan_values(identity: Identity, draft: ScanDraft) -> dict[str, Any]:
    return {
        "datum": draft.datum,
        "narratief": draft.narratief,
        "radicaliseringssignaal": draft.radicaliseringssignaal,
        "gewijzigd_door": identity.gebruiker_id,
        "gewijzigd_op": dt.datetime.now(tz=dt.UTC),
    }


def _new_scan_id() -> str:
    """A scan id that sorts after earlier ones (scoring breaks ties on the same date by scan_id)."""
    return f"S-{dt.datetime.now(tz=dt.UTC):%Y%m%d%H%M%S%f}"


def save_draft(engine: Engine, identity: Identity, form: ScanForm, draft: ScanDraft) -> ScanForm:
    """Save the draft (status concept); return the form with its new versions.

    A wijkagent's draft keeps the stored ratings, members and flag (the specialist's part).
    """
    row = _group(engine, identity, form.draft.groep_id)
    if draft.groep_id != row["groep_id"]:
        raise ScanError(NOT_FOUND)
    if not can_rate(identity):
        stored = _stored_draft(engine, form, row)
        draft = draft.model_copy(update={name: getattr(stored, name) for name in PROTECTED})
    values = {**_scan_values(identity, draft), "concept": draft.model_dump_json()}
    scan_id, groep_versie = form.scan_id or _new_scan_id(), form.groep_versie
    with engine.begin() as connection:
        if form.scan_id is not None and form.scan_versie is not None:
            key = {"scan_id": scan_id, "status": "concept"}
            scan_versie = update_versioned(connection, "groepsscan", key, form.scan_versie, values)
        else:  # a new draft changes the group's state: a second new draft of the same version is refused
            groep_versie = update_versioned(
                connection, "groep", {"groep_id": row["groep_id"]}, groep_versie, {}
            )
            connection.execute(
                T["groepsscan"]
                .insert()
                .values(
                    scan_id=scan_id,
                    groep_id=row["groep_id"],
                    auteur=identity.naam,
                    status="concept",
                    **values,
                )
            )
            scan_versie = 1
        append_audit(connection, [_entry(identity, "groepsscan_concept", scan_id, draft)])
    return form.model_copy(
        update={
            "draft": draft,
            "scan_id": scan_id,
            "scan_versie": scan_versie,
            "groep_versie": groep_versie,
            "gewijzigd_door": identity.gebruiker_id,
            "gewijzigd_op": values["gewijzigd_op"],
        }
    )


def delete_draft(engine: Engine, identity: Identity, form: ScanForm) -> None:
    """Throw the open draft away (if nobody changed it since it was loaded)."""
    row = _group(engine, identity, form.draft.groep_id)
    if form.scan_id is None:
        return
    scan = T["groepsscan"]
    with engine.begin() as connection:
        removed = connection.execute(
            delete(scan).where(
                scan.c.scan_id == form.scan_id, scan.c.status == "concept", scan.c.versie == form.scan_versie
            )
        )
        if removed.rowcount != 1:  # someone saved or finished it since: nothing is thrown away
            raise ConcurrentEditError
        entry = _entry(identity, "groepsscan_concept_weg", form.scan_id, form.draft)
        append_audit(connection, [entry.model_copy(update={"groep_id": row["groep_id"]})])


def finish_scan(engine: Engine, identity: Identity, form: ScanForm, final: ScanFinal) -> str:
    """Make the scan definitief: ratings, hangplekken, members and platforms in one transaction.

    Only the specialist. Returns the scan_id. A stale draft or group version raises
    ConcurrentEditError and changes nothing.
    """
    require_finish(identity)
    row = _group(engine, identity, form.draft.groep_id)
    if final.groep_id != row["groep_id"]:
        raise ScanError(NOT_FOUND)
    groep_id = row["groep_id"]
    values = {
        **_scan_values(identity, final),
        "status": "definitief",
        "concept": None,
        "auteur": identity.naam,
    }
    scan_id = form.scan_id or _new_scan_id()
    with engine.begin() as connection:
        if form.scan_id is not None and form.scan_versie is not None:
            key = {"scan_id": scan_id, "status": "concept"}
            update_versioned(connection, "groepsscan", key, form.scan_versie, values)
        else:
            connection.execute(T["groepsscan"].insert().values(scan_id=scan_id, groep_id=groep_id, **values))
        platforms = ";".join(final.online_platforms) or None
        update_versioned(
            connection, "groep", {"groep_id": groep_id}, form.groep_versie, {"online_platforms": platforms}
        )
        write_ratings(connection, scan_id, final)
        sync_hangplekken(connection, groep_id, final.hangplekken)
        counts = sync_members(connection, groep_id, final.leden)
        append_audit(connection, [_entry(identity, "groepsscan_definitief", scan_id, final, **counts)])
    return scan_id
