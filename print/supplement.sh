#!/usr/bin/env bash
# Prints a built site's supplement.html to supplement.pdf (headless
# Chromium) and turns its text pages, Table 1, Table 2 and diagrams into
# report.docx (pandoc; the SVG diagrams as PNG through rsvg-convert).
# Usage: print/supplement.sh SITE [OUT]   (OUT defaults to SITE)
set -euo pipefail

site=${1:?usage: print/supplement.sh SITE [OUT]}
out=${2:-$site}
for file in supplement.html index.md methods.md results.md table-1.md table-2.md prisma.svg; do
  [ -f "$site/$file" ] || { echo "print/supplement.sh: $site/$file is missing: build the site first (make site)" >&2; exit 1; }
done
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The PDF: Chromium's print of the page, with its print stylesheet.
page="file://$(cd "$site" && pwd)/supplement.html"
chromium --headless=new --no-sandbox --disable-gpu --no-pdf-header-footer \
  --virtual-time-budget=5000 --print-to-pdf="$work/supplement.pdf" "$page" >"$work/chromium.log" 2>&1 \
  || { cat "$work/chromium.log" >&2; exit 1; }
[ -s "$work/supplement.pdf" ] || { echo "print/supplement.sh: Chromium wrote no PDF" >&2; cat "$work/chromium.log" >&2; exit 1; }

# The DOCX: the pages' Markdown twins (the abstract without the site's
# contents list), the PRISMA diagram and both tables, one document.
mkdir -p "$work/charts"
rsvg-convert --format png --zoom 2 "$site/prisma.svg" --output "$work/prisma.png"
for svg in "$site"/charts/*.svg; do
  [ -e "$svg" ] || continue
  rsvg-convert --format png --zoom 2 "$svg" --output "$work/charts/$(basename "$svg" .svg).png"
done
{
  sed '/^## Contents$/,$d' "$site/index.md"
  printf '\n'
  for page in methods.md results.md; do
    # The provenance line ends every twin; the document keeps it once, at the end.
    sed '/^---$/,$d' "$site/$page"
    printf '\n'
  done
  printf '## PRISMA 2020 flow diagram\n\n![PRISMA 2020 flow diagram](prisma.png)\n\n'
  # Word sections: the text ends a portrait A4 section, the tables a
  # landscape one (a section break carries the properties of the section it ends).
  printf '```{=openxml}\n<w:p><w:pPr><w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr></w:pPr></w:p>\n```\n\n'
  for table in table-1.md table-2.md; do
    sed 's/^# /## /' "$site/$table"
    printf '\n'
  done
  printf '```{=openxml}\n<w:p><w:pPr><w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/><w:pgMar w:top="851" w:right="851" w:bottom="851" w:left="851" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr></w:pPr></w:p>\n```\n\n'
  sed -n '/^---$/,$p' "$site/results.md"
} | sed 's/(charts\/\([A-Za-z0-9_-]*\)\.svg)/(charts\/\1.png)/' >"$work/report.md"
pandoc --from markdown --to docx --resource-path "$work" --output "$work/report.docx" "$work/report.md" 2>"$work/pandoc.log" || { cat "$work/pandoc.log" >&2; exit 1; }

mv "$work/supplement.pdf" "$out/supplement.pdf"
mv "$work/report.docx" "$out/report.docx"
echo "$out/supplement.pdf and $out/report.docx written from $site."
