#!/usr/bin/env bash
# Throughput of the Spark job on a standalone cluster of W workers (1 core
# each) on 127.0.0.1, against `stanceshift index` on one machine; the
# figures in docs/benchmarks.md.
#
#   scale/spark/bench.sh CORPUS.jsonl WORKDIR [WORKERS...]   (default workers: 1 2)
#
# WORKDIR must be outside the repository; needs Java and the cached pyspark venv.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
corpus="$(realpath "$1")"; work="$2"; shift 2
if [ $# -gt 0 ]; then workers=("$@"); else workers=(1 2); fi
venv="${STANCESHIFT_SPARK_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/stanceshift/spark-venv}"
bin="$(realpath "${STANCESHIFT_BIN:-$repo/target/release/stanceshift}")"
mkdir -p "$work"; work="$(realpath "$work")"
export PYSPARK_PYTHON="$venv/bin/python" PYSPARK_DRIVER_PYTHON="$venv/bin/python"
export SPARK_LOCAL_IP=127.0.0.1 SPARK_NO_DAEMONIZE=1 SPARK_LOG_DIR="$work/logs" SPARK_LOCAL_DIRS="$work/spark-local"
mkdir -p "$SPARK_LOG_DIR" "$SPARK_LOCAL_DIRS"
docs=$(wc -l < "$corpus")
mb=$(( $(stat -c %s "$corpus") / 1000000 ))
pids=()
cleanup() { exec 2>/dev/null; for pid in "${pids[@]}"; do kill -9 -- "-$pid" || true; done; }
trap cleanup EXIT

rm -rf "$work/single"
t0=$(date +%s.%N)
"$bin" --quiet index "$corpus" --index "$work/single" >/dev/null
t1=$(date +%s.%N)
single=$(echo "$t1 - $t0" | bc -l)
printf "single machine: %d docs (%d MB) in %.1f s, %.0f docs/s\n" "$docs" "$mb" "$single" "$(echo "$docs / $single" | bc -l)"

spark_class="$("$venv/bin/python" -c 'import os, pyspark; print(os.path.join(os.path.dirname(pyspark.__file__), "bin", "spark-class"))')"
for w in "${workers[@]}"; do
    port="$("$venv/bin/python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
    setsid "$spark_class" org.apache.spark.deploy.master.Master --host 127.0.0.1 --port "$port" --webui-port 0 >"$work/master.log" 2>&1 &
    pids+=($!)
    for i in $(seq "$w"); do
        setsid "$spark_class" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --cores 1 --memory 2g \
            --webui-port 0 --work-dir "$work/worker-$i" "spark://127.0.0.1:$port" >"$work/worker-$w-$i.log" 2>&1 &
        pids+=($!)
    done
    for _ in $(seq 120); do
        [ "$(grep -l "Successfully registered with master" "$work"/worker-"$w"-*.log 2>/dev/null | wc -l)" -ge "$w" ] && break
        sleep 0.5
    done
    rm -rf "$work/sharded-$w"
    t0=$(date +%s.%N)
    "$venv/bin/python" "$here/job.py" --bin "$bin" --master "spark://127.0.0.1:$port" --shards 4 --threads 1 \
        "$corpus" --index "$work/sharded-$w" >"$work/job-$w.log" 2>&1
    t1=$(date +%s.%N)
    secs=$(echo "$t1 - $t0" | bc -l)
    printf "spark, %d worker(s): %.1f s, %.0f docs/s, %.2fx the single-machine time\n" "$w" "$secs" \
        "$(echo "$docs / $secs" | bc -l)" "$(echo "$secs / $single" | bc -l)"
    cmp -s <("$bin" search "oil prices" --json --index "$work/single") <("$bin" search "oil prices" --json --index "$work/sharded-$w") \
        && echo "  same search hits as the single-machine index" || echo "  SEARCH DIFFERS"
    for pid in "${pids[@]}"; do kill -9 -- "-$pid" 2>/dev/null || true; done
    pids=()
    sleep 1
done
