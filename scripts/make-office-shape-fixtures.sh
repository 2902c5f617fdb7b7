#!/bin/sh
# Regenerates test/fixtures/office-shapes/: each XLSX fixture as LibreOffice Calc saves it as a web
# page (<name>.html, filter "HTML (StarCalc)") and that page opened in LibreOffice Writer and saved
# as Word (<name>.docx, "MS Word 2007 XML"), as offices publish forms. The test reading them does
# not need LibreOffice; only this script does. A profile of its own, so that a running soffice is
# not disturbed. Run from the repository root.
set -eu
cd "$(dirname "$0")/.."
out=test/fixtures/office-shapes
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
profile="file://$work/profile"
for name in seed-2021-putuo real-2022-putuo-sports national-2023-example; do
  cp "test/fixtures/pdf/$name.xlsx" "$work/"
done
soffice -env:UserInstallation="$profile" --headless --convert-to html --outdir "$work" "$work"/*.xlsx >/dev/null
soffice -env:UserInstallation="$profile" --headless --infilter="HTML (StarWriter)" --convert-to 'docx:MS Word 2007 XML' --outdir "$work/docx" "$work"/*.html >/dev/null
for name in seed-2021-putuo real-2022-putuo-sports national-2023-example; do
  cp "$work/$name.html" "$work/docx/$name.docx" "$out/"
done
soffice --version 2>/dev/null | head -1 > "$out/VERSION"
