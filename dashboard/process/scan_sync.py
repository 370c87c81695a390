"""Writing the parts of a finished groepsscan: ratings, hangplekken with their times, and members."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from sqlalchemy import delete, select

from dashboard.process.scans import ScanError
from dashboard.storage.schema import metadata

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from dashboard.process.scans import HangplekInput, MemberInput, ScanFinal

__all__ = ["sync_hangplekken", "sync_members", "write_ratings"]

T = metadata.tables


def _new_person(connection: Connection, member: MemberInput) -> str:
    assert member.nieuw is not None  # noqa: S101  (MemberInput guarantees one of the two)
    persoon_id = f"P-{uuid.uuid4().hex[:12].upper()}"
    connection.execute(T["persoon"].insert().values(persoon_id=persoon_id, **member.nieuw.model_dump()))
    return persoon_id


def _known_persons(connection: Connection, ids: set[str]) -> set[str]:
    persoon = T["persoon"]
    if not ids:
        return set()
    return set(
        connection.execute(
            select(persoon.c.persoon_id).where(persoon.c.persoon_id.in_(sorted(ids)))
        ).scalars()
    )


def sync_members(connection: Connection, groep_id: str, members: tuple[MemberInput, ...]) -> dict[str, int]:
    """Write the scan's memberships of the group; return counts (nieuw, gewijzigd, beeindigd).

    A membership is keyed by person and start date: an existing one gets the scan's role, end and
    source; an unknown one is added (a new person is created first). Memberships the scan does not
    mention are left as they are (history).
    """
    lid = T["lidmaatschap"]
    existing = {
        (row.persoon_id, row.van): row
        for row in connection.execute(select(lid).where(lid.c.groep_id == groep_id))
    }
    unknown = {m.persoon_id for m in members if m.persoon_id is not None} - _known_persons(
        connection, {m.persoon_id for m in members if m.persoon_id is not None}
    )
    if unknown:
        msg = f"Onbekende persoon in de ledenlijst ({', '.join(sorted(unknown))}); laad de scan opnieuw."
        raise ScanError(msg)
    counts = {"leden_nieuw": 0, "leden_gewijzigd": 0, "leden_beeindigd": 0}
    for member in members:
        values = {"rol": member.rol, "tot": member.tot, "bron": member.bron}
        old = existing.get((member.persoon_id, member.van)) if member.persoon_id else None
        if old is None:
            persoon_id = member.persoon_id or _new_person(connection, member)
            connection.execute(
                lid.insert().values(persoon_id=persoon_id, groep_id=groep_id, van=member.van, **values)
            )
            counts["leden_nieuw"] += 1
            continue
        if (old.rol, old.tot, old.bron) == (member.rol, member.tot, member.bron):
            continue
        connection.execute(
            lid.update()
            .where(lid.c.persoon_id == old.persoon_id, lid.c.groep_id == groep_id, lid.c.van == old.van)
            .values(**values)
        )
        key = "leden_beeindigd" if old.tot is None and member.tot is not None else "leden_gewijzigd"
        counts[key] += 1
    return counts


def write_ratings(connection: Connection, scan_id: str, final: ScanFinal) -> None:
    """Store the finished scan's rating per dimension (sources ';'-separated, as imported)."""
    connection.execute(
        T["beoordeling"].insert(),
        [
            {
                "scan_id": scan_id,
                "dimensie": rating.dimensie,
                "score": rating.score,
                "bronnen": ";".join(rating.bronnen),
                "laatst_waargenomen": rating.laatst_waargenomen,
            }
            for rating in final.beoordelingen
        ],
    )


def sync_hangplekken(connection: Connection, groep_id: str, places: tuple[HangplekInput, ...]) -> None:
    """Make the group's hangplekken and their times those of the scan (kept ones keep their id)."""
    hangplek, tijd = T["hangplek"], T["hangplek_tijd"]
    existing = set(
        connection.execute(select(hangplek.c.hangplek_id).where(hangplek.c.groep_id == groep_id)).scalars()
    )
    if existing:
        connection.execute(delete(tijd).where(tijd.c.hangplek_id.in_(sorted(existing))))
    kept = {place.hangplek_id for place in places if place.hangplek_id in existing}
    if existing - kept:
        connection.execute(delete(hangplek).where(hangplek.c.hangplek_id.in_(sorted(existing - kept))))
    times = []
    for place in places:
        values = {"naam": place.naam, "lat": place.lat, "lon": place.lon}
        if place.hangplek_id in kept:
            place_id = str(place.hangplek_id)
            connection.execute(hangplek.update().where(hangplek.c.hangplek_id == place_id).values(**values))
        else:
            place_id = f"H-{uuid.uuid4().hex[:12].upper()}"
            connection.execute(hangplek.insert().values(hangplek_id=place_id, groep_id=groep_id, **values))
        times += [{"hangplek_id": place_id, **time.model_dump()} for time in place.tijden]
    if times:
        connection.execute(tijd.insert(), times)
