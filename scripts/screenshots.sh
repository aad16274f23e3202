#!/usr/bin/env bash
# Regenerate docs/report-1280.png and docs/report-420.png: the demo's HTML
# report (the sample corpus, Donald Trump) rendered by headless Chromium at a
# desktop and a phone width, to check the layout by eye.
#
#   scripts/screenshots.sh [HEIGHT (default 2400)]
#
# Builds the debug binary when needed; uses scripts/check-html.sh, which needs
# chromium (Debian: apt-get install -y chromium) or $CHROMIUM.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
height=${1:-2400}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cd "$root"
cargo build --quiet
"$root/target/debug/stanceshift" demo --corpus "$root/data/sample" --out "$work/demo" >/dev/null
for width in 1280 420; do
    "$root/scripts/check-html.sh" "$work/demo/report.html" "$root/docs/report-$width.png" "${width}x$height"
done
echo "wrote docs/report-1280.png and docs/report-420.png"
