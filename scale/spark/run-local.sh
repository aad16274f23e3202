#!/usr/bin/env bash
# Build a sharded stanceshift index with Spark on this machine (local[2]).
#
#   scale/spark/run-local.sh CORPUS... --index DIR [--shards N] [--master URL] [--actors FILE]
#
# Installs pyspark (4.x, from PyPI) into a cached virtual environment when it
# is missing: ${XDG_CACHE_HOME:-~/.cache}/stanceshift/spark-venv. Needs Java 17+.
# The stanceshift binary: $STANCESHIFT_BIN, else target/release/stanceshift
# (built when missing).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"

venv="${STANCESHIFT_SPARK_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/stanceshift/spark-venv}"
# What pip installs: a version range from PyPI, or a local sdist for offline trials.
pyspark_spec="${PYSPARK_PIP_SPEC:-pyspark>=4.0,<5}"

ensure_venv() {
    if [ ! -x "$venv/bin/python" ]; then
        mkdir -p "$(dirname "$venv")"
        python3 -m venv "$venv"
    fi
    if ! "$venv/bin/python" -c 'import pyspark' 2>/dev/null; then
        echo "installing $pyspark_spec into $venv" >&2
        "$venv/bin/pip" install --quiet "$pyspark_spec"
    fi
}

if [ "${1:-}" = "--install-only" ]; then
    ensure_venv
    exit 0
fi

command -v java >/dev/null || { echo "error: Spark needs Java (17 or later) on PATH" >&2; exit 2; }
ensure_venv

bin="${STANCESHIFT_BIN:-$repo/target/release/stanceshift}"
if [ ! -x "$bin" ]; then
    (cd "$repo" && cargo build --release --locked --bin stanceshift)
fi

export PYSPARK_PYTHON="$venv/bin/python"
export PYSPARK_DRIVER_PYTHON="$venv/bin/python"
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
exec "$venv/bin/python" "$here/job.py" --bin "$bin" "$@"
