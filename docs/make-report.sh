#!/bin/sh
# Regenerates the example migration report (docs/migration-report.md) and the screenshot of its
# HTML rendering in headless Chromium (docs/migration-report.png), from the repository root.
set -eu
cd "$(dirname "$0")/.."
python -m ovlint report examples/legacy-app > docs/migration-report.md
page=$(mktemp -d)
trap 'rm -rf "$page"' EXIT
python -m ovlint report examples/legacy-app --format html -o "$page/report.html"
"${OVLINT_CHROMIUM:-chromium}" --headless --no-sandbox --disable-gpu --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync --hide-scrollbars \
    --user-data-dir="$page/profile" --window-size=1000,1500 \
    --screenshot="$PWD/docs/migration-report.png" "file://$page/report.html" 2>/dev/null
