#!/bin/sh
# Regenerates test/fixtures/pdf/: XLSX forms written by jixiao's writer, then printed to PDF by
# LibreOffice, as an office would print them. The outputs are committed so that CI needs no
# LibreOffice; run this after changing the form layout. Needs soffice (LibreOffice calc).
set -eu
cd "$(dirname "$0")/.."
OUT=test/fixtures/pdf
command -v soffice >/dev/null || { echo "soffice (LibreOffice) is not installed" >&2; exit 1; }
node --import tsx scripts/make-pdf-fixtures.ts
# A profile of its own, so that a running LibreOffice does not swallow the conversion.
PROFILE="$(mktemp -d)"
trap 'rm -rf "$PROFILE"' EXIT
soffice -env:UserInstallation="file://$PROFILE" --headless --convert-to pdf --outdir "$OUT" "$OUT"/*.xlsx
ls -l "$OUT"
