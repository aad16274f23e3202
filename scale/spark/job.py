"""Build a sharded stanceshift index with Apache Spark.

Stages:
  1. read the corpus (JSON Lines files, .gz allowed) in file order, number every
     line, and find each line's shard with `stanceshift shards key` (the same
     hash of the article id that `index --shard` uses);
  2. shuffle the lines into one partition per shard and, on the executors,
     build each shard with `stanceshift index --shard K --shards N` in a
     task-local temporary directory, in corpus order, then publish it by
     renaming it into DIR/gen-G/part-K;
  3. on the driver, `stanceshift shards publish DIR --generation G` checks the
     shards and replaces DIR/manifest.json atomically: readers switch from the
     previous generation to this one at once (blue/green); older generations
     than the previous one are removed.

A failed task (a crashed executor, a lost worker) is retried by Spark
(spark.task.maxFailures); a retried build starts from scratch in a new
temporary directory, and publishing a shard twice is harmless.

Test hooks (environment, forwarded to executors):
  STANCESHIFT_SPARK_FAIL_ONCE=FILE  the first build attempt of shard 0 fails
                                    (and creates FILE, so the retry succeeds)
  STANCESHIFT_SPARK_TASK_DELAY=SEC  each build task sleeps SEC seconds first
  STANCESHIFT_SPARK_STARTED_DIR=DIR each build attempt creates DIR/part-K-PID when it starts
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid

FORWARDED_ENV = ("STANCESHIFT_SPARK_FAIL_ONCE", "STANCESHIFT_SPARK_TASK_DELAY", "STANCESHIFT_SPARK_STARTED_DIR")
CORPUS_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")


def corpus_files(paths):
    """Files in the order `stanceshift index` reads them: named files as given,
    directories walked in sorted order, hidden entries skipped."""
    files = []
    for path in paths:
        if os.path.isdir(path):
            for root, dirs, names in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(names):
                    if not name.startswith(".") and name.lower().endswith(CORPUS_SUFFIXES):
                        files.append(os.path.abspath(os.path.join(root, name)))
        elif os.path.isfile(path):
            files.append(os.path.abspath(path))
        else:
            sys.exit(f"error: {path}: no such file or directory")
    if not files:
        sys.exit("error: no JSON Lines files in the corpus")
    return files


def next_generation(index_dir):
    generation = 0
    try:
        with open(os.path.join(index_dir, "manifest.json")) as f:
            generation = json.load(f)["generation"]
    except FileNotFoundError:
        pass
    existing = [
        int(name[4:]) for name in os.listdir(index_dir) if name.startswith("gen-") and name[4:].isdigit()
    ]
    return max([generation] + existing) + 1


def assign_shards(binary, shards):
    """(line, number) pairs -> ((shard, number), line), one `shards key` process per partition."""

    def run(items):
        items = list(items)
        if not items:
            return []
        text = "".join(line.replace("\n", " ") + "\n" for line, _ in items)
        out = subprocess.run(
            [binary, "shards", "key", "--shards", str(shards)],
            input=text.encode("utf-8"),
            stdout=subprocess.PIPE,
            check=True,
        ).stdout.decode().split()
        if len(out) != len(items):
            raise RuntimeError(f"shards key gave {len(out)} keys for {len(items)} lines")
        return [((int(k), number), line) for k, (line, number) in zip(out, items)]

    return run


def publish_dir(built, target):
    """Moves the finished index `built` to `target` (same file system: one rename)."""
    parent = os.path.dirname(target)
    staging = os.path.join(parent, f".{os.path.basename(target)}-{uuid.uuid4().hex}")
    try:
        os.rename(built, staging)
    except OSError:
        # Another file system (an executor's local disk): copy next to the target first.
        shutil.copytree(built, staging)
        shutil.rmtree(built, ignore_errors=True)
    if os.path.exists(target):
        # An earlier attempt of this task already published: replace it.
        old = os.path.join(parent, f".old-{os.path.basename(target)}-{uuid.uuid4().hex}")
        os.rename(target, old)
        os.rename(staging, target)
        shutil.rmtree(old, ignore_errors=True)
    else:
        os.rename(staging, target)


def build_shards(binary, shards, gen_dir, extra_args):
    def run(k, items):
        started = os.environ.get("STANCESHIFT_SPARK_STARTED_DIR")
        if started:
            open(os.path.join(started, f"part-{k}-{os.getpid()}"), "w").close()
        delay = float(os.environ.get("STANCESHIFT_SPARK_TASK_DELAY", "0") or 0)
        if delay:
            time.sleep(delay)
        marker = os.environ.get("STANCESHIFT_SPARK_FAIL_ONCE")
        if marker and k == 0:
            try:
                fd = os.open(marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
                os.close(fd)
                raise RuntimeError("injected failure of the first attempt of shard 0")
            except FileExistsError:
                pass
        work = tempfile.mkdtemp(prefix=f"stanceshift-part-{k}-")
        try:
            corpus = os.path.join(work, "corpus.jsonl")
            lines = 0
            with open(corpus, "w", encoding="utf-8") as f:
                # Sorted by line number within the partition by the shuffle: corpus order.
                for _, line in items:
                    f.write(line.replace("\n", " ") + "\n")
                    lines += 1
            index = os.path.join(work, "index")
            args = [binary, "--quiet", "index", corpus, "--index", index]
            args += ["--shard", str(k), "--shards", str(shards)] + extra_args
            done = subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            if done.returncode != 0:
                raise RuntimeError(f"shard {k}: {' '.join(args)} failed: {done.stderr.decode()[-2000:]}")
            publish_dir(index, os.path.join(gen_dir, f"part-{k}"))
            yield (k, lines, done.stdout.decode().strip())
        finally:
            shutil.rmtree(work, ignore_errors=True)

    return run


def remove_old_generations(index_dir, current):
    """Keeps the current and the previous generation (for rollback)."""
    for name in os.listdir(index_dir):
        path = os.path.join(index_dir, name)
        if name.startswith("gen-") and name[4:].isdigit() and int(name[4:]) < current - 1:
            shutil.rmtree(path, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="+", help="JSON Lines files or directories")
    parser.add_argument("--index", required=True, help="sharded index directory")
    parser.add_argument("--shards", type=int, default=4)
    parser.add_argument("--bin", default=os.environ.get("STANCESHIFT_BIN", "stanceshift"))
    parser.add_argument("--master", default=None, help="Spark master (default: spark-submit's or local[2])")
    parser.add_argument("--actors", default=None, help="actor file, as for stanceshift --actors")
    parser.add_argument("--threads", type=int, default=None, help="threads of each shard build (index --threads)")
    parser.add_argument("--max-failures", type=int, default=4, help="spark.task.maxFailures")
    args = parser.parse_args()

    from pyspark import SparkConf, SparkContext

    binary = shutil.which(args.bin) or args.bin
    binary = os.path.abspath(binary)
    index_dir = os.path.abspath(args.index)
    os.makedirs(index_dir, exist_ok=True)
    generation = next_generation(index_dir)
    gen_dir = os.path.join(index_dir, f"gen-{generation}")
    os.makedirs(gen_dir)
    files = corpus_files(args.corpus)
    extra = ["--actors", os.path.abspath(args.actors)] if args.actors else []
    if args.threads:
        extra += ["--threads", str(args.threads)]

    conf = SparkConf().setAppName("stanceshift-index")
    conf.set("spark.task.maxFailures", str(args.max_failures))
    if not sys.stderr.isatty():
        conf.set("spark.ui.showConsoleProgress", "false")
    if args.master:
        conf.setMaster(args.master)
    elif not conf.contains("spark.master"):
        conf.setMaster(f"local[2,{args.max_failures}]")
    for name in FORWARDED_ENV:
        if name in os.environ:
            conf.setExecutorEnv(name, os.environ[name])
    sc = SparkContext(conf=conf)
    sc.setLogLevel("WARN")
    started = time.time()
    try:
        lines = sc.union([sc.textFile(f) for f in files]).zipWithIndex()
        keyed = lines.mapPartitions(assign_shards(binary, args.shards))
        parts = keyed.repartitionAndSortWithinPartitions(args.shards, lambda key: key[0])
        built = parts.mapPartitionsWithIndex(build_shards(binary, args.shards, gen_dir, extra)).collect()
    finally:
        sc.stop()
    built = sorted(built)
    if [k for k, _, _ in built] != list(range(args.shards)):
        sys.exit(f"error: built shards {[k for k, _, _ in built]}, expected 0..{args.shards - 1}")
    publish = [binary, "shards", "publish", index_dir, "--generation", str(generation), "--shards", str(args.shards)]
    subprocess.run(publish, check=True)
    remove_old_generations(index_dir, generation)
    records = sum(n for _, n, _ in built)
    secs = time.time() - started
    print(f"generation {generation}: {args.shards} shards, {records} records in {secs:.1f} s ({records / secs:.0f} records/s)")
    for k, _, summary in built:
        print(f"  part-{k}: {summary}")


if __name__ == "__main__":
    main()
