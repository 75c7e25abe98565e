# Sourced by scripts/demo and scripts/test: create .venv and install a requirements file.
PYTHON="${PYTHON:-python3}"
if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "Lectern needs Python 3.11 or newer; $PYTHON is $("$PYTHON" --version 2>&1)." >&2
  exit 1
fi
if [ ! -x .venv/bin/python ]; then
  if ! "$PYTHON" -m venv .venv; then
    rm -rf .venv
    echo "Could not create a virtualenv with $PYTHON. On Debian or Ubuntu, install python3-venv" >&2
    echo "(sudo apt install python3-venv), or point PYTHON at another interpreter: PYTHON=python3.12 $0" >&2
    exit 1
  fi
fi
stamp=".venv/.installed-$(basename "$1" .txt)"
if [ ! -f "$stamp" ] || [ -n "$(find requirements -newer "$stamp" -print -quit)" ]; then
  .venv/bin/python -m pip install --quiet --upgrade pip
  .venv/bin/python -m pip install --quiet -r "$1"
  touch "$stamp"
fi
