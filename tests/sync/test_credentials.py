"""The device token: keychain when usable, else an owner-only file, and the UI is told which."""

from __future__ import annotations

import logging
import os
import stat
import sys

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail

from app.device import credentials


def test_file_fallback_is_owner_only_and_reported(profile, monkeypatch, caplog):
    monkeypatch.setenv(credentials.FORCE_FILE_ENV, "file")
    caplog.set_level(logging.DEBUG)
    secret = "tok-" + "x" * 40
    with profile.sessions() as s, s.begin():
        stored = credentials.store_token(s, profile.home, secret)
    assert stored.storage == credentials.FILE
    assert stored.path == profile.home / credentials.TOKEN_FILENAME
    if sys.platform != "win32":
        assert stat.S_IMODE(os.stat(stored.path).st_mode) == 0o600
    with profile.sessions() as s:
        assert credentials.load_token(s, profile.home) == secret
        assert credentials.storage_of(s) == credentials.FILE
    assert secret not in caplog.text


class MemoryKeyring(KeyringBackend):
    """A real keyring backend kept in memory (stands in for Windows Credential Manager)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def set_password(self, service, username, password):
        self.store[(service, username)] = password

    def get_password(self, service, username):
        return self.store.get((service, username))

    def delete_password(self, service, username):
        self.store.pop((service, username), None)


@pytest.fixture
def backend():
    original = keyring.get_keyring()
    yield keyring.set_keyring
    keyring.set_keyring(original)


def test_no_keychain_backend_falls_back_to_file(profile, monkeypatch, backend):
    monkeypatch.delenv(credentials.FORCE_FILE_ENV, raising=False)
    backend(fail.Keyring())
    with profile.sessions() as s, s.begin():
        stored = credentials.store_token(s, profile.home, "secret-1")
    assert stored.storage == credentials.FILE
    with profile.sessions() as s:
        assert credentials.load_token(s, profile.home) == "secret-1"


def test_keychain_when_available_and_no_file_left(profile, monkeypatch, backend):
    monkeypatch.delenv(credentials.FORCE_FILE_ENV, raising=False)
    memory = MemoryKeyring()
    backend(memory)
    with profile.sessions() as s, s.begin():
        stored = credentials.store_token(s, profile.home, "secret-k")
    assert stored.storage == credentials.KEYCHAIN
    assert "secret-k" in memory.store.values()
    assert not (profile.home / credentials.TOKEN_FILENAME).exists()
    with profile.sessions() as s:
        assert credentials.load_token(s, profile.home) == "secret-k"
        assert credentials.storage_of(s) == credentials.KEYCHAIN


def test_forget_removes_the_token(profile, monkeypatch):
    monkeypatch.setenv(credentials.FORCE_FILE_ENV, "file")
    with profile.sessions() as s, s.begin():
        credentials.store_token(s, profile.home, "secret-2")
    with profile.sessions() as s, s.begin():
        credentials.forget_token(s, profile.home)
    with profile.sessions() as s:
        assert credentials.load_token(s, profile.home) is None
        assert credentials.storage_of(s) is None
    assert not (profile.home / credentials.TOKEN_FILENAME).exists()


@pytest.mark.parametrize("storage", [credentials.FILE, credentials.KEYCHAIN])
def test_credential_note_names_the_storage(storage):
    from app.sync.overview import credential_note

    assert credential_note(storage)
    assert credential_note(None) == ""
