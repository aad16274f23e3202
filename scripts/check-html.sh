#!/usr/bin/env bash
# Render an HTML report in headless Chromium and save a screenshot, to check
# the layout by eye. The report must be self-contained: Chromium runs with
# networking features off, and the report's own content security policy
# forbids any fetch.
#
#   scripts/check-html.sh REPORT.html OUT.png [WIDTHxHEIGHT]
#
# Needs /usr/bin/chromium (Debian: apt-get install chromium) or $CHROMIUM.
set -euo pipefail

if [[ $# -lt 2 || $# -gt 3 ]]; then
    echo "usage: $0 REPORT.html OUT.png [WIDTHxHEIGHT (default 1280x2000)]" >&2
    exit 2
fi
report=$1
out=$2
size=${3:-1280x2000}
chromium=${CHROMIUM:-/usr/bin/chromium}

if [[ ! -f $report ]]; then
    echo "no such report: $report" >&2
    exit 2
fi
if [[ ! -x $chromium ]]; then
    echo "chromium not found at $chromium (install it, or set CHROMIUM)" >&2
    exit 2
fi
if [[ ! $size =~ ^[0-9]+x[0-9]+$ ]]; then
    echo "bad size $size: expected WIDTHxHEIGHT" >&2
    exit 2
fi

report_url="file://$(cd "$(dirname "$report")" && pwd)/$(basename "$report")"
out_abs="$(cd "$(dirname "$out")" && pwd)/$(basename "$out")"
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT

rm -f "$out_abs"
"$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --hide-scrollbars --user-data-dir="$profile" \
    --window-size="${size/x/,}" --screenshot="$out_abs" "$report_url" \
    >"$profile/chromium.log" 2>&1 || {
    cat "$profile/chromium.log" >&2
    echo "chromium failed on $report" >&2
    exit 1
}
if [[ ! -s $out_abs ]]; then
    cat "$profile/chromium.log" >&2
    echo "chromium wrote no screenshot for $report" >&2
    exit 1
fi
echo "wrote $out"
