#!/usr/bin/env bash
# Build the one-folder program with PyInstaller (Linux or Windows/Git Bash) and smoke-test it:
#   bash installer/build.sh          -> dist/shuwu/ (then installer/shuwu.iss on Windows)
# The smoke test runs the frozen program with --version and `selftest` (opens a temporary
# profile, builds the main window offscreen, renders a label PDF).
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PY:-.venv/bin/python}"
[ -x "$PY" ] || PY="${PY_WIN:-.venv/Scripts/python.exe}"

"$PY" -m pip install -q "pyinstaller>=6.5"
"$PY" tools/i18n.py compile
rm -rf dist/shuwu build/pyinstaller
"$PY" -m PyInstaller --noconfirm --log-level WARN \
  --distpath dist --workpath build/pyinstaller installer/shuwu.spec

EXE=dist/shuwu/shuwu
[ -x "$EXE" ] || EXE=dist/shuwu/shuwu-cli.exe
echo "== smoke test: $EXE --version"
version=$("$EXE" --version)
echo "$version"
case "$version" in shuwu\ *) ;; *) echo "unexpected --version output" >&2; exit 1 ;; esac

echo "== smoke test: $EXE selftest"
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
QT_QPA_PLATFORM=offscreen SHUWU_HOME="$home" "$EXE" selftest --json | tee "$home/selftest.json"
grep -q '"ok": true' "$home/selftest.json"

if [ -x dist/shuwu/shuwu-server ]; then
  echo "== smoke test: shuwu-server init (migrations inside the frozen build)"
  dist/shuwu/shuwu-server init --training --db "sqlite:///$home/server.db" --json
fi
echo "== build OK: dist/shuwu ($(du -sh dist/shuwu | cut -f1))"
