#!/bin/sh
# Regenerates test/fixtures/pdftotext/: the text pdftotext (poppler-utils) gives for each PDF
# fixture in its three modes: <name>.layout.txt (-layout), <name>.raw.txt (-raw) and
# <name>.default.txt (no option). Run from the repository root.
set -eu
cd "$(dirname "$0")/.."
out=test/fixtures/pdftotext
mkdir -p "$out"
for name in seed-2021-putuo real-2022-putuo-sports national-2023-example; do
  pdf="test/fixtures/pdf/$name.pdf"
  pdftotext -enc UTF-8 -layout "$pdf" "$out/$name.layout.txt"
  pdftotext -enc UTF-8 -raw "$pdf" "$out/$name.raw.txt"
  pdftotext -enc UTF-8 "$pdf" "$out/$name.default.txt"
done
pdftotext -v 2>&1 | head -1 > "$out/VERSION"
