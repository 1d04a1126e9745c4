#!/usr/bin/env bash
# Third-party checks of the HTML site, the PDF decks and the DOCX route (run by `make
# html-check`, part of `make test`; needs `make tools sysdeps build`):
#   - html-validate (recommended rules, warnings count) reports nothing on any page of the
#     examples' site or of the hostile workspace's (.ci/hostile);
#   - in Chromium (.ci/html-check.js: puppeteer-core, axe-core): every page loads with no
#     console error, no request outside the site's folder, no dialog; axe-core finds no
#     wcag2a/wcag2aa violation on the index, an overview, a card, a print page; the filter
#     works; each life situation's print page prints to the overview plus one A4 page per
#     card; the hostile strings show as text and run nothing;
#   - `render --format pdf` writes one deck per life situation with the same page count
#     (pdfinfo), A4, the Cyrillic title readable back (pdftotext);
#   - pandoc turns an overview (HTML) and a card (Markdown) into DOCX files whose
#     word/document.xml is well-formed and holds the Cyrillic title and the tables.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-bin/profiler}
NODE_BIN=${NODE_BIN:-.tools/node_modules/.bin}
W=bin/html-check
rm -rf "$W" && mkdir -p "$W"
die() { echo "html-check: FAIL $*" >&2; exit 1; }
for t in pdfinfo pdftotext pandoc unzip xmllint; do
  command -v "$t" >/dev/null || die "$t is missing: run make sysdeps (apt-get install -y chromium fonts-dejavu-core poppler-utils pandoc unzip libxml2-utils)"
done

# The strings the hostile workspace hides in titles, sources and notes (.ci/hostile).
HOSTILE=('<img src=x onerror=alert(1)>' '</script><script>alert(1)</script>' 'javascript:alert(1)' 'JaVaScRiPt:alert(1)'
  '<a href=javascript:alert(1)>Шаг</a>' '<details open ontoggle=alert(1)>')

echo "== render --format html: the examples and the hostile workspace"
"$BIN" render -q examples --format html --out "$W/site"
"$BIN" render -q .ci/hostile --format html --out "$W/hostile"

echo "== html-validate 10.9.0: every page"
mapfile -t pages < <(find "$W/site" "$W/hostile" -name '*.html' | sort)
[ "${#pages[@]}" -gt 10 ] || die "only ${#pages[@]} HTML pages rendered"
"$NODE_BIN/html-validate" --config .ci/htmlvalidate.json --max-warnings=0 "${pages[@]}" ||
  die "html-validate found problems in the rendered pages (above)"
echo "html-validate: ${#pages[@]} pages, nothing reported"

echo "== Chromium (puppeteer-core 24.43.1, axe-core 4.14.1): pages, axe, filter, print, hostile"
node .ci/html-check.js "$W/site" "$W/print" "$W/hostile" "${HOSTILE[@]}"

echo "== render --format pdf: one deck per life situation (pdfinfo, pdftotext)"
"$BIN" render -q examples --format pdf --out "$W/pdf"
decks=0
for ls in examples/*/life-situation.yaml; do
  dir=$(dirname "$ls")
  id=$(sed -n 's/^id: //p' "$ls")
  title=$(sed -n 's/^title: //p' "$ls")
  cards=$(find "$dir/profiles" -name '*.yaml' | wc -l)
  pdf="$W/pdf/$id.pdf"
  [ -f "$pdf" ] || die "$pdf: no deck for life situation $id"
  info=$(pdfinfo "$pdf")
  pages=$(sed -n 's/^Pages: *//p' <<<"$info")
  # The browser's own print of print.html, which html-check.js held to the overview's pages
  # plus one per card, has the same count.
  bpages=$(pdfinfo "$W/print/$id.pdf" | sed -n 's/^Pages: *//p')
  [ "$pages" = "$bpages" ] || die "$pdf: $pages pages, but the browser's print of print.html has $bpages (the overview + one per card, $cards)"
  grep -q '^Page size:.*(A4)' <<<"$info" || die "$pdf: not A4: $(grep '^Page size' <<<"$info")"
  grep -qF "Title:           $title" <<<"$info" || die "$pdf: the PDF title is not «$title»"
  text=$(pdftotext "$pdf" - | tr -s ' \n' ' ')
  grep -qF "$title" <<<"$text" || die "$pdf: pdftotext does not find «$title»"
  for p in "$dir"/profiles/*.yaml; do
    ptitle=$(sed -n 's/^title: //p' "$p")
    grep -qF "$ptitle" <<<"$text" || die "$pdf: pdftotext does not find the card «$ptitle»"
  done
  echo "pdf: $id.pdf: $pages A4 pages (overview + $cards cards), «$title» and every card title readable"
  decks=$((decks + 1))
done
[ "$(find "$W/pdf" -name '*.pdf' | wc -l)" = "$decks" ] || die "$W/pdf holds other PDFs than one per life situation: $(ls "$W/pdf")"

echo "== DOCX through pandoc: an overview (HTML) and a card (Markdown)"
LS=postuplenie-v-vuz
CARD=student-sosednij-region
docx_check() { # FILE.docx TEXT...: well-formed word/document.xml with each TEXT and a table
  local f=$1 xml="$1.document.xml"; shift
  unzip -p "$f" word/document.xml > "$xml" || die "$f: no word/document.xml"
  xmllint --noout "$xml" || die "$f: word/document.xml is not well-formed"
  for want in "$@"; do grep -qF "$want" "$xml" || die "$f: word/document.xml lacks «$want»"; done
  grep -q '<w:tbl>' "$xml" || die "$f: no table in word/document.xml"
  grep -q 'w:val="Heading1"' "$xml" || die "$f: no Heading 1 (the title) in word/document.xml"
  echo "docx: $f: well-formed, holds «$*» and tables"
}
pandoc -f html -t docx "$W/site/$LS/index.html" -o "$W/overview.docx"
docx_check "$W/overview.docx" 'Поступление в вуз' 'Студент, проживающий в соседнем регионе'
"$BIN" render -q examples/$LS/profiles/$CARD.yaml --out - > "$W/card.md"
pandoc -f gfm -t docx "$W/card.md" -o "$W/card.docx"
docx_check "$W/card.docx" 'Студент, проживающий в соседнем регионе'

echo "html-check: all passed"
