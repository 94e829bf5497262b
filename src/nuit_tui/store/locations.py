"""Where the archive file lives, and whether that place is safe for SQLite's WAL.

WAL mode shares memory between the processes that have the file open (the -shm
file), so every process must run on the same host, and the file must not be
copied while it is written. A network share breaks the first, a folder synced
to a cloud breaks the second: the user is warned, not stopped.
"""

from __future__ import annotations

import os
from pathlib import Path

# File-system types of network shares, and FUSE mounts (sshfs, rclone, gvfs …).
NETWORK_TYPES = {"nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "sshfs", "afs", "ncpfs", "9p", "ceph", "glusterfs", "davfs"}
# fuseblk is a local disk (NTFS, exFAT) read through FUSE: not a network share.
LOCAL_FUSE = {"fuseblk"}
# Folder names that cloud sync clients create (OneDrive may be "OneDrive - Firma AS").
CLOUD_FOLDERS = ("OneDrive", "Dropbox", "Google Drive", "GoogleDrive", "My Drive", "iCloud", "Mobile Documents", "Nextcloud", "ownCloud", "pCloud")

PROC_MOUNTS = Path("/proc/mounts")


def _unescape(field: str) -> str:
    """/proc/mounts writes space, tab, newline and backslash as octal escapes."""
    for code, char in (("\\040", " "), ("\\011", "\t"), ("\\012", "\n"), ("\\134", "\\")):
        field = field.replace(code, char)
    return field


def parse_mounts(text: str) -> list[tuple[str, str]]:
    """(mount point, file-system type) of each line of /proc/mounts."""
    mounts = []
    for line in text.splitlines():
        fields = line.split()
        if len(fields) >= 3:
            mounts.append((_unescape(fields[1]), fields[2]))
    return mounts


def filesystem_type(path: Path, mounts: list[tuple[str, str]]) -> str | None:
    """The type of the file system that holds `path`: the longest mount point above it."""
    target = Path(os.path.abspath(path))
    best: tuple[int, str] | None = None
    for point, fstype in mounts:
        mount = Path(point)
        if target == mount or mount in target.parents:
            depth = len(mount.parts)
            if best is None or depth >= best[0]:
                best = (depth, fstype)
    return best[1] if best else None


def is_network_type(fstype: str | None) -> bool:
    if not fstype or fstype in LOCAL_FUSE:
        return False
    base = fstype.split(".", 1)[0]
    return fstype in NETWORK_TYPES or base in NETWORK_TYPES or base == "fuse"


def cloud_folder(path: Path) -> str | None:
    """The cloud sync folder that `path` lies in, by the folder names the clients use."""
    for part in Path(os.path.abspath(path)).parts:
        for name in CLOUD_FOLDERS:
            if part == name or part.startswith(f"{name} -") or part.startswith(f"{name}-"):
                return name
    return None


def _read_mounts() -> list[tuple[str, str]]:
    try:
        return parse_mounts(PROC_MOUNTS.read_text(encoding="utf-8", errors="replace"))
    except OSError:  # not Linux, or /proc hidden: nothing to tell by
        return []


def location_warning(path: Path, mounts: list[tuple[str, str]] | None = None) -> str | None:
    """One Norwegian line when the archive lies on a network share or in a synced folder."""
    path = Path(path)
    fstype = filesystem_type(path, _read_mounts() if mounts is None else mounts)
    if is_network_type(fstype):
        return (
            f"Advarsel: {path} ligger på en nettverksdisk ({fstype}). SQLite trenger en lokal disk; "
            "flytt databasen til en lokal mappe og ta sikkerhetskopier med «nuit-tui backup»."
        )
    cloud = cloud_folder(path)
    if cloud:
        return (
            f"Advarsel: {path} ligger i en skysynkronisert mappe ({cloud}). Synkroniseringen kan kopiere en "
            "halvskrevet fil; flytt databasen til en lokal mappe og ta sikkerhetskopier med «nuit-tui backup»."
        )
    return None
