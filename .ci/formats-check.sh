#!/usr/bin/env bash
# Third-party checks of profiler's report formats and editor integration (run by `make
# formats-check`, part of `make test`; needs `make tools build` and xmllint):
#   - SARIF logs validate against the SARIF 2.1.0 JSON Schema (ajv, .ci/sarif-check.js);
#   - JUnit reports are well-formed XML (xmllint);
#   - yaml-language-server, driven over LSP stdio (.ci/lsp-check.js) with the schemas that
#     `profiler schema --out` exports, reports nothing on the examples, and on broken copies
#     reports problems on exactly the lines `profiler validate` does;
#   - the README's GitHub Actions recipe is a valid workflow (actionlint, via the Go proxy).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-bin/profiler}
W=bin/formats-check
rm -rf "$W" && mkdir -p "$W"
command -v xmllint >/dev/null || { echo "formats-check: xmllint is missing: apt-get install -y libxml2-utils (`make tools` installs it)" >&2; exit 1; }

# expect CODE CMD...: run CMD, fail unless it exits with CODE.
expect() {
  local want=$1 rc=0; shift
  "$@" || rc=$?
  if [ "$rc" != "$want" ]; then echo "formats-check: '$*' exited $rc, want $want" >&2; exit 1; fi
}

# The exported schemas, with the examples beside them: their modelines
# (../../schemas/…, ../../../schemas/…) now point at the export.
"$BIN" schema -q --out "$W/schemas"
cp -r examples "$W/examples"
# A broken copy of one profile, in a folder with a Cyrillic name and a space: an enum typo
# (line 9), an unknown key (line 6), text where a number is expected (capacity, line 17).
B="$W/broken/поступление в вуз"
mkdir -p "$B/profiles"
# …and of its life situation: a status outside the enum (line 14).
sed -e 's/^statuses: \[citizen\]$/statuses: [citizen, sitizen]/' examples/postuplenie-v-vuz/life-situation.yaml > "$B/life-situation.yaml"
grep -q 'sitizen' "$B/life-situation.yaml" || { echo "formats-check: the example changed: no 'statuses: [citizen]' in its life situation: update this script" >&2; exit 1; }
P="$B/profiles/student-sosednij-region.yaml"
sed -e 's/^stage: hypothesis$/stage: hypotesis/' -e 's/^title: \(.*\)$/titel: x\ntitle: \1/' \
  -e 's/^    value: 12000$/    value: много/' \
  examples/postuplenie-v-vuz/profiles/student-sosednij-region.yaml > "$P"
for want in '^stage: hypotesis$' '^titel: x$' 'value: много'; do
  grep -q "$want" "$P" || { echo "formats-check: the example changed; '$want' not in $P: update this script" >&2; exit 1; }
done

echo "== SARIF against the SARIF 2.1.0 schema (ajv)"
expect 0 "$BIN" validate -q --format sarif --output "$W/examples.sarif" examples
expect 1 "$BIN" validate -q --format sarif --output "$W/broken.sarif" "$W/broken"
node .ci/sarif-check.js "$W/examples.sarif" "$W/broken.sarif"

echo "== JUnit well-formed (xmllint)"
expect 0 "$BIN" validate -q --format junit --output "$W/examples.xml" examples
expect 1 "$BIN" validate -q --format junit --output "$W/broken.xml" "$W/broken"
xmllint --noout "$W/examples.xml" "$W/broken.xml"
grep -q '<failure ' "$W/broken.xml"
echo "xmllint: well-formed"

echo "== yaml-language-server over LSP: examples clean, broken copy on the same lines as profiler"
mapfile -d '' examples < <(find "$W/examples" -name '*.yaml' -print0 | sort -z)
node .ci/lsp-check.js clean "${examples[@]}"
expect 1 "$BIN" validate -q --format json --output "$W/broken.json" "$W/broken"
node .ci/lsp-check.js agree "$W/broken.json" "$P" "$B/life-situation.yaml"

echo "== README's GitHub Actions recipe (actionlint)"
# The first yaml block after "### GitHub Actions", as a user would paste it.
mkdir -p "$W/recipe/.github/workflows"
awk '/^### GitHub Actions/{s=1} s&&/^```yaml/{p=1;next} p&&/^```/{exit} p' README.md > "$W/recipe/.github/workflows/profiler.yml"
grep -q 'upload-sarif' "$W/recipe/.github/workflows/profiler.yml" || { echo "formats-check: no workflow found in README" >&2; exit 1; }
(cd "$W/recipe" && GOFLAGS= go run github.com/rhysd/actionlint/cmd/actionlint@v1.7.12 -no-color -oneline .github/workflows/profiler.yml)
echo "actionlint: the workflow is valid"
