#!/usr/bin/env bash
# Installs the Python peers that `newsdesk-eval ... --peers` runs side by side with newsdesk:
# a virtual environment under target/peers-venv with the pinned packages of requirements.txt.
# Idempotent: an existing venv is reused and pip only installs what is missing or differs.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
venv="${PEERS_VENV:-$root/target/peers-venv}"
req="$root/bench/peers/requirements.txt"
python="${PYTHON:-python3}"

if [ -x "$venv/bin/python" ]; then
    echo "peers: reusing venv $venv"
else
    echo "peers: creating venv $venv with $("$python" --version 2>&1)"
    mkdir -p "$(dirname "$venv")"
    "$python" -m venv "$venv"
fi

echo "peers: installing pinned packages from $req"
"$venv/bin/python" -m pip install --disable-pip-version-check -q -r "$req"

echo "peers: installed"
"$venv/bin/python" - "$req" <<'PY'
import sys
from importlib.metadata import version, PackageNotFoundError
for line in open(sys.argv[1]):
    line = line.split("#", 1)[0].strip()
    if not line:
        continue
    name = line.split("==")[0].split(">=")[0].split("[")[0].strip()
    try:
        print(f"  {name} {version(name)}")
    except PackageNotFoundError:
        print(f"  {name} MISSING")
PY
echo "peers: python is $venv/bin/python"
