# Convenience recipes mirroring CI (.ci/run). `just` is optional: every recipe
# is a plain cargo command you can run yourself.

default: ci

# Everything CI runs.
ci: fmt-check lint deps test

fmt:
    cargo fmt --all

fmt-check:
    cargo fmt --all -- --check

lint:
    cargo clippy --workspace --all-targets --locked -- -D warnings

# Dependencies a crate lists but never uses (cargo install cargo-machete).
deps:
    cargo machete

test:
    cargo test --workspace --locked

# Index the bundled sample corpus, search it, analyze it and write reports.
demo:
    cargo run --release -- demo

# Score the analyzer against the shared gold data (skips what is absent).
eval:
    cargo run --release -- eval all

# Benchmarks: quick smoke run; `just bench-full` for the published figures.
bench:
    cargo build --release -p stanceshift -p stanceshift-bench
    cargo run --release -p stanceshift-bench -- all --quick

bench-full:
    cargo build --release -p stanceshift -p stanceshift-bench
    cargo run --release -p stanceshift-bench -- all

# Render the sample HTML report in headless Chromium and take a screenshot.
check-html: demo
    scripts/check-html.sh stanceshift-demo/report.html stanceshift-demo/report.png

# The Spark job on local[2] and on a standalone cluster (needs Java; installs pyspark into a cached venv).
spark:
    scale/spark/run-local.sh --install-only
    cargo build --locked --bin stanceshift
    scale/spark/test.sh target/debug/stanceshift
