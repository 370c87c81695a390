"""Self-hosted map assets: unpacked only when the registry's checksum matches."""

from __future__ import annotations

import base64
import hashlib
import io
import tarfile
from pathlib import Path

import pytest

from dashboard.maps import assets
from dashboard.maps.assets import (
    AssetError,
    NpmAsset,
    PythonAsset,
    VendorManifest,
    install_assets,
    load_manifest,
    missing_assets,
)


def _tarball(folder: Path) -> tuple[Path, str]:
    path = folder / "demo-1.0.0.tgz"
    with tarfile.open(path, "w:gz") as archive:
        for name, data in {"package/dist/demo.js": b"L.demo=1;", "package/dist/images/a.png": b"png"}.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    digest = base64.b64encode(hashlib.sha512(path.read_bytes()).digest()).decode()
    return path, f"sha512-{digest}"


def _manifest(integrity: str) -> VendorManifest:
    npm = NpmAsset(
        naam="demo", versie="1.0.0", integrity=integrity, bestanden=("dist/demo.js", "dist/images/a.png")
    )
    return VendorManifest(npm=(npm,), python=())


@pytest.fixture
def packed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    tarball, integrity = _tarball(tmp_path)
    monkeypatch.setattr(assets, "_npm_pack", lambda _asset, _workdir: tarball)
    return integrity


def test_matching_checksum_installs_files_keeping_folders(tmp_path: Path, packed: str) -> None:
    target = tmp_path / "vendor"
    manifest = _manifest(packed)
    assert missing_assets(target, manifest) == [target / "demo/demo.js", target / "demo/images/a.png"]
    install_assets(target, manifest)
    assert (target / "demo/demo.js").read_bytes() == b"L.demo=1;"
    assert missing_assets(target, manifest) == []


def test_wrong_checksum_refuses_the_package(tmp_path: Path, packed: str) -> None:
    target = tmp_path / "vendor"
    with pytest.raises(AssetError, match="controlegetal klopt niet"):
        install_assets(target, _manifest(packed[:-4] + "AAA="))
    assert not (target / "demo").exists()


def test_python_asset_is_checked(tmp_path: Path) -> None:
    wrong = PythonAsset(
        naam="heat", pakket="folium", bestand="templates/leaflet_heat.min.js", sha256="0" * 64
    )
    with pytest.raises(AssetError, match="controlegetal"):
        install_assets(tmp_path, VendorManifest(npm=(), python=(wrong,)))


def test_shipped_manifest_is_pinned() -> None:
    manifest = load_manifest()
    names = {asset.naam for asset in manifest.npm} | {asset.naam for asset in manifest.python}
    assert {"leaflet", "leaflet.markercluster", "leaflet-heat"} <= names
    for asset in manifest.npm:
        assert asset.versie[0].isdigit()
        assert asset.integrity.startswith("sha512-")
