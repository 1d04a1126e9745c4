#!/bin/sh
# Side-by-side: `profiler validate` against jv (the jsonschema author's CLI) and ajv-cli on
# the same generated corpus and our exported schemas. The peers are installed into a
# temporary folder that is removed afterwards; nothing is committed or left behind.
# jv and ajv check the JSON Schemas only; profiler also runs its cross-file rules.
# The corpus has no mistakes by default: ajv-cli stops at the first file it cannot parse,
# so with YAML syntax errors in the corpus it would skip most files and look fast.
#
#   make compare                       # 100 life situations × 100 profiles, 5 runs
#   COMPARE_LS=10 COMPARE_PER=100 COMPARE_RUNS=3 COMPARE_MISTAKES=0.05 make compare
set -eu
LS=${COMPARE_LS:-100}
PER=${COMPARE_PER:-100}
RUNS=${COMPARE_RUNS:-5}
MISTAKES=${COMPARE_MISTAKES:-0}
GO=${GO:-go}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
TMP=$(mktemp -d "${TMPDIR:-/tmp}/profiler-compare.XXXXXX")
trap 'rm -rf "$TMP"' EXIT INT TERM
cd "$ROOT"

echo "== building profiler and the corpus ($LS × $PER)"
$GO build -o "$TMP/profiler" ./cmd/profiler
$GO build -o "$TMP/profiler-corpus" ./cmd/profiler-corpus
"$TMP/profiler-corpus" -ls "$LS" -per "$PER" -mistakes "$MISTAKES" "$TMP/corpus"
cp schemas/*.json "$TMP/"

echo "== installing jv v0.7.0"
mkdir "$TMP/jvmod"
(cd "$TMP/jvmod" && $GO mod init t >/dev/null 2>&1 &&
	$GO get -tool github.com/santhosh-tekuri/jsonschema/cmd/jv@v0.7.0 >/dev/null 2>&1 &&
	$GO build -o "$TMP/jv" github.com/santhosh-tekuri/jsonschema/cmd/jv)

echo "== installing ajv-cli (versions from .ci/package.json)"
AJV=$(node -p 'require("./.ci/package.json").devDependencies["ajv-cli"]')
FMT=$(node -p 'require("./.ci/package.json").devDependencies["ajv-formats"]')
npm install --prefix "$TMP/npm" --no-audit --no-fund --no-package-lock --loglevel=error \
	"ajv-cli@$AJV" "ajv-formats@$FMT" >/dev/null
AJVBIN="$TMP/npm/node_modules/.bin/ajv"

C="$TMP/corpus"
S="$TMP"
N=$(find "$C" -name '*.yaml' | wc -l)
PROFILER="$TMP/profiler validate -q $C"
JV="$TMP/jv -f -q $S/life-situation.schema.json $C/*/life-situation.yaml; $TMP/jv -f -q $S/profile.schema.json $C/*/profiles/*.yaml"
AJVCMD="$AJVBIN validate --spec=draft2020 --strict=true --allow-union-types -c ajv-formats -r $S/defs.schema.json -s $S/life-situation.schema.json -d '$C/*/life-situation.yaml'; $AJVBIN validate --spec=draft2020 --strict=true --allow-union-types -c ajv-formats -r $S/defs.schema.json -s $S/profile.schema.json -d '$C/*/profiles/*.yaml'"

echo "== $N files, $(nproc) cores, $RUNS runs each"
# Each tool must have looked at every file: count what jv and ajv report.
JVN=$(sh -c "$TMP/jv -f $S/life-situation.schema.json $C/*/life-situation.yaml; $TMP/jv -f $S/profile.schema.json $C/*/profiles/*.yaml" 2>&1 | grep -c '^instance ' || true)
AJVN=$(sh -c "$AJVCMD" 2>&1 | grep -c ' valid$\| invalid$' || true)
echo "   jv reported on $JVN files, ajv-cli on $AJVN files"
if command -v hyperfine >/dev/null; then
	hyperfine --runs "$RUNS" --warmup 1 -i --style basic --export-markdown "$TMP/compare.md" \
		-n profiler "$PROFILER" -n jv "$JV >/dev/null 2>&1" -n ajv-cli "$AJVCMD >/dev/null 2>&1"
	echo
	cat "$TMP/compare.md"
else
	# No hyperfine: medians of a plain loop, runs interleaved.
	for name in profiler jv ajv; do : >"$TMP/$name.t"; done
	for _ in $(seq "$RUNS"); do
		for name in profiler jv ajv; do
			case $name in
			profiler) cmd=$PROFILER ;; jv) cmd=$JV ;; ajv) cmd=$AJVCMD ;;
			esac
			s=$(date +%s.%N)
			sh -c "$cmd" >/dev/null 2>&1 || true
			e=$(date +%s.%N)
			echo "$e - $s" | bc >>"$TMP/$name.t"
		done
	done
	for name in profiler jv ajv; do
		printf '%-9s median %s s\n' "$name" "$(sort -n "$TMP/$name.t" | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')"
	done
fi
