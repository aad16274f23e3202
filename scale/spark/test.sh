#!/usr/bin/env bash
# Runs the Spark job on local[2] with one injected task failure, and on a
# standalone cluster (1 master + 2 workers on 127.0.0.1) with one worker
# killed while shards are being built; each result must equal the index
# `stanceshift index` builds on one machine (the same `report --all --format
# json`, apart from the index path it names, and the same search hits).
#
#   scale/spark/test.sh [STANCESHIFT_BINARY]
#
# Skips (exit 0, with a message) when Java or pyspark is missing; `.ci/run`
# installs pyspark first (scale/spark/run-local.sh --install-only).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
venv="${STANCESHIFT_SPARK_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/stanceshift/spark-venv}"
bin="$(realpath "${1:-${STANCESHIFT_BIN:-$repo/target/debug/stanceshift}}")"

if ! command -v java >/dev/null; then
    echo "SKIP spark tests: no java on PATH (install Java 17)"; exit 0
fi
if ! "$venv/bin/python" -c 'import pyspark' 2>/dev/null; then
    echo "SKIP spark tests: pyspark is not installed in $venv (run scale/spark/run-local.sh --install-only)"; exit 0
fi
[ -x "$bin" ] || { echo "error: no stanceshift binary at $bin" >&2; exit 2; }

work="$(mktemp -d)"
pids=()
cleanup() {
    exec 2>/dev/null
    for pid in "${pids[@]}"; do kill -9 -- "-$pid" 2>/dev/null || true; done
    rm -rf "$work"
}
trap cleanup EXIT
export PYSPARK_PYTHON="$venv/bin/python" PYSPARK_DRIVER_PYTHON="$venv/bin/python"
export SPARK_LOCAL_IP=127.0.0.1 SPARK_LOCAL_DIRS="$work/spark-local" TMPDIR="$work/tmp"
mkdir -p "$SPARK_LOCAL_DIRS" "$TMPDIR"
started_at=$SECONDS

# A corpus of 300 articles: the sample articles under new ids, plus a bad line.
"$venv/bin/python" - "$repo/data/sample/articles.jsonl" "$work/corpus" <<'PY'
import json, os, sys
src, out = sys.argv[1], sys.argv[2]
os.makedirs(out)
articles = [json.loads(l) for l in open(src) if l.strip()]
for part in range(3):
    with open(os.path.join(out, f"part-{part}.jsonl"), "w") as f:
        for copy in range(5):
            for a in articles:
                b = dict(a, id=f"{a['id']}-{part}-{copy}", title=f"{a.get('title', '')} ({part}.{copy})")
                f.write(json.dumps(b) + "\n")
        if part == 1:
            f.write("{not json\n")
PY

"$bin" --quiet index "$work/corpus" --index "$work/single" >/dev/null 2>"$work/single.log"
queries=("trade deal" "said" "strand OR minister" "*")
compare() {
    local index="$1" label="$2"
    diff <("$bin" report --all --format json --index "$work/single") \
         <("$bin" report --all --format json --index "$index" | sed "s#\"generated_from\": \"$index\"#\"generated_from\": \"$work/single\"#") \
        >/dev/null || { echo "FAIL $label: report differs from the single-machine index"; exit 1; }
    for q in "${queries[@]}"; do
        for sort in relevance newest; do
            cmp -s <("$bin" search "$q" --json --limit 40 --sort "$sort" --index "$work/single") \
                   <("$bin" search "$q" --json --limit 40 --sort "$sort" --index "$index") \
                || { echo "FAIL $label: search '$q' --sort $sort differs"; exit 1; }
        done
    done
    echo "ok $label: report and search equal the single-machine index"
}

echo "== local[2], first attempt of shard 0 fails"
STANCESHIFT_SPARK_FAIL_ONCE="$work/failed-once" \
    "$venv/bin/python" "$here/job.py" --bin "$bin" --master "local[2,4]" --shards 3 \
    "$work/corpus" --index "$work/local" >"$work/local.log" 2>&1 || { cat "$work/local.log"; exit 1; }
[ -e "$work/failed-once" ] || { echo "FAIL local: the failure was not injected"; exit 1; }
grep -q "injected failure" "$work/local.log" || { echo "FAIL local: no failed attempt in the log"; exit 1; }
compare "$work/local" "local[2] with a retried task"

# A second run publishes generation 2 and switches to it.
"$venv/bin/python" "$here/job.py" --bin "$bin" --master "local[2]" --shards 3 \
    "$work/corpus" --index "$work/local" >"$work/local2.log" 2>&1 || { cat "$work/local2.log"; exit 1; }
grep -q '"generation": 2' "$work/local/manifest.json" || { echo "FAIL local: generation 2 not current"; exit 1; }
compare "$work/local" "local[2], generation 2"

echo "== standalone cluster, one worker killed mid-stage"
spark_class="$("$venv/bin/python" -c 'import os, pyspark; print(os.path.join(os.path.dirname(pyspark.__file__), "bin", "spark-class"))')"
port="$("$venv/bin/python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
export SPARK_LOG_DIR="$work/logs" SPARK_NO_DAEMONIZE=1
mkdir -p "$SPARK_LOG_DIR"
setsid "$spark_class" org.apache.spark.deploy.master.Master --host 127.0.0.1 --port "$port" --webui-port 0 \
    >"$work/master.log" 2>&1 &
pids+=($!)
for w in 1 2; do
    setsid "$spark_class" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --cores 1 --memory 1g \
        --webui-port 0 --work-dir "$work/worker-$w" "spark://127.0.0.1:$port" >"$work/worker-$w.log" 2>&1 &
    pids+=($!)
done
for _ in $(seq 120); do
    [ "$(grep -l "Successfully registered with master" "$work"/worker-*.log 2>/dev/null | wc -l)" -ge 2 ] && break
    sleep 0.5
done
mkdir -p "$work/started"
STANCESHIFT_SPARK_STARTED_DIR="$work/started" STANCESHIFT_SPARK_TASK_DELAY=6 \
    "$venv/bin/python" "$here/job.py" --bin "$bin" --master "spark://127.0.0.1:$port" --shards 3 \
    "$work/corpus" --index "$work/cluster" >"$work/cluster.log" 2>&1 &
job=$!
for _ in $(seq 240); do
    [ -n "$(ls "$work/started")" ] && break
    sleep 0.5
done
[ -n "$(ls "$work/started")" ] || { cat "$work/cluster.log"; echo "FAIL cluster: no build task started"; exit 1; }
sleep 1
# Worker 2 with its executor and Python workers.
kill -9 -- "-${pids[2]}"
wait "${pids[2]}" 2>/dev/null || true
echo "killed worker 2 while $(ls "$work/started" | wc -l) build task(s) ran"
wait "$job" || { tail -50 "$work/cluster.log"; echo "FAIL cluster: the job failed"; exit 1; }
lost="$(grep -E -m3 "Lost task|Lost executor|Removed executor|Executor lost|worker lost|Worker removed" "$work/cluster.log" || true)"
[ -n "$lost" ] || { tail -50 "$work/cluster.log"; echo "FAIL cluster: Spark did not notice the killed worker"; exit 1; }
echo "$lost" | cut -c1-200
compare "$work/cluster" "standalone cluster with a killed worker"
echo "spark tests passed in $((SECONDS - started_at)) s"
