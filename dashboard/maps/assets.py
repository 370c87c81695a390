"""Self-hosted map assets: fetched with `npm pack` at install time, checked, served under /app/static."""

from __future__ import annotations

import base64
import hashlib
import importlib.util
import shutil
import subprocess
import tarfile
import tempfile
import tomllib
from pathlib import Path

from pydantic import BaseModel, ConfigDict

__all__ = [
    "MANIFEST",
    "STATIC_URL",
    "AssetError",
    "NpmAsset",
    "PythonAsset",
    "VendorManifest",
    "install_assets",
    "load_manifest",
    "missing_assets",
]

MANIFEST = Path(__file__).resolve().parent / "vendor.toml"
STATIC_URL = "/app/static/vendor"  # where Streamlit serves <app dir>/static/vendor


class AssetError(RuntimeError):
    """A map asset could not be fetched or did not match its checksum."""


class NpmAsset(BaseModel):
    """An npm package pinned by version and the registry's sha512 integrity."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    naam: str
    versie: str
    integrity: str
    bestanden: tuple[str, ...]


class PythonAsset(BaseModel):
    """A file inside an installed (pinned) Python package, checked by sha256."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    naam: str
    pakket: str
    bestand: str
    sha256: str


class VendorManifest(BaseModel):
    """All self-hosted assets."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    npm: tuple[NpmAsset, ...]
    python: tuple[PythonAsset, ...]


def load_manifest(path: Path = MANIFEST) -> VendorManifest:
    """Read and validate the asset manifest."""
    return VendorManifest.model_validate(tomllib.loads(path.read_text(encoding="utf-8")))


def _relative(name: str) -> Path:
    """Where a package file lands in its folder: paths below dist/ are kept (CSS refers to images/)."""
    path = Path(name)
    return path.relative_to("dist") if path.parts[0] == "dist" else path


def _targets(manifest: VendorManifest, target: Path) -> list[Path]:
    files = [target / a.naam / _relative(f) for a in manifest.npm for f in a.bestanden]
    return files + [target / a.naam / Path(a.bestand).name for a in manifest.python]


def missing_assets(target: Path, manifest: VendorManifest | None = None) -> list[Path]:
    """The asset files not yet present under target."""
    return [path for path in _targets(manifest or load_manifest(), target) if not path.is_file()]


def _npm_pack(asset: NpmAsset, workdir: Path) -> Path:
    npm = shutil.which("npm")
    if npm is None:
        msg = "npm ontbreekt; installeer het (apt-get install npm) om de kaartbestanden op te halen"
        raise AssetError(msg)
    spec = f"{asset.naam}@{asset.versie}"
    result = subprocess.run(  # noqa: S603  (fixed program, arguments from the checked-in manifest)
        [npm, "pack", spec, "--pack-destination", str(workdir), "--silent"],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        msg = f"npm pack {spec} mislukte: {result.stderr.strip()[:300]}"
        raise AssetError(msg)
    return workdir / result.stdout.strip().splitlines()[-1]


def _check_integrity(tarball: Path, asset: NpmAsset) -> None:
    algorithm, _, expected = asset.integrity.partition("-")
    digest = base64.b64encode(hashlib.new(algorithm, tarball.read_bytes()).digest()).decode()
    if digest != expected:
        msg = f"{asset.naam}@{asset.versie}: controlegetal klopt niet; bestand niet gebruikt"
        raise AssetError(msg)


def _install_npm(asset: NpmAsset, target: Path, workdir: Path) -> None:
    tarball = _npm_pack(asset, workdir)
    _check_integrity(tarball, asset)
    folder = target / asset.naam
    folder.mkdir(parents=True, exist_ok=True)
    with tarfile.open(tarball) as archive:
        for name in asset.bestanden:
            member = archive.extractfile(f"package/{name}")
            if member is None:
                msg = f"{asset.naam}: {name} ontbreekt in het pakket"
                raise AssetError(msg)
            destination = folder / _relative(name)
            destination.parent.mkdir(parents=True, exist_ok=True)
            destination.write_bytes(member.read())


def _install_python(asset: PythonAsset, target: Path) -> None:
    spec = importlib.util.find_spec(asset.pakket)
    if spec is None or spec.origin is None:
        msg = f"Python-pakket {asset.pakket} is niet geinstalleerd"
        raise AssetError(msg)
    source = Path(spec.origin).parent / asset.bestand
    if hashlib.sha256(source.read_bytes()).hexdigest() != asset.sha256:
        msg = f"{asset.naam}: controlegetal van {source} klopt niet"
        raise AssetError(msg)
    folder = target / asset.naam
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, folder / Path(asset.bestand).name)


def install_assets(target: Path, manifest: VendorManifest | None = None) -> list[Path]:
    """Fetch, check and unpack every asset into target; return the files written."""
    manifest = manifest or load_manifest()
    with tempfile.TemporaryDirectory(prefix="groepsbeeld-assets-") as tmp:
        for asset in manifest.npm:
            _install_npm(asset, target, Path(tmp))
    for python_asset in manifest.python:
        _install_python(python_asset, target)
    return _targets(manifest, target)
