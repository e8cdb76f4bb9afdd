#!/usr/bin/env bash
# A new user's install: a fresh venv with the pip Python ships (no upgrade),
# `pip install .`, then `khronika --help` and an ingest of one HTML page.
# Catches a dependency that only an upgraded pip resolves (issue 13).
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$PYTHON" -m venv "$work/venv"
"$work/venv/bin/pip" --version
"$work/venv/bin/pip" install --quiet .
"$work/venv/bin/khronika" --help >/dev/null
cat >"$work/page.html" <<'HTML'
<html><head><title>Harbour strike in Varna</title></head><body><article>
<h1>Harbour strike in Varna</h1>
<p>Dock workers in Varna walked out on Monday after two colleagues were detained by police,
union leaders said.</p>
<p>"We will not load a single ship until they are free," said Petar Ivanov, the union's
chairman, speaking outside the port gates.</p>
</article></body></html>
HTML
"$work/venv/bin/khronika" --db "$work/check.db" ingest --no-progress "$work/page.html"
count="$("$work/venv/bin/khronika" --db "$work/check.db" stats --json | "$PYTHON" -c 'import json,sys; print(json.load(sys.stdin)["articles"])')"
if [ "$count" != "1" ]; then
    echo "check_install: expected 1 article from the HTML page, got $count" >&2
    exit 1
fi
echo "check_install: pip install . with the system pip, --help and an HTML ingest: ok"
