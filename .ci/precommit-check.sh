#!/usr/bin/env bash
# Tries this repository's .pre-commit-hooks.yaml with real pre-commit (`make precommit-check`;
# needs `apt-get install -y pre-commit` and Go; the hook is built with `go install`, ~1 min the
# first time). Uses the committed HEAD: commit before running.
# A scratch repository with the examples and a CI config: clean → the hook passes; a typo in
# a staged profile → it fails on that file alone; the CI config is never passed to profiler.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
command -v pre-commit >/dev/null || { echo "precommit-check: pre-commit is missing: apt-get install -y pre-commit" >&2; exit 1; }
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
cd "$W"
git init -q
cp -r "$repo/examples" .
printf 'stages: [test]\njob:\n  script: [echo]\n' > .gitlab-ci.yml
git add -A
git -c user.email=ci@example.invalid -c user.name=ci commit -qm init
pre-commit try-repo "$repo" profiler-validate --all-files
P=examples/postuplenie-v-vuz/profiles/student-sosednij-region.yaml
sed -i 's/^stage: hypothesis$/stage: hypotesis/' "$P"
git add -A
if out=$(pre-commit try-repo "$repo" profiler-validate 2>&1); then
  echo "$out"; echo "precommit-check: the hook passed a broken profile" >&2; exit 1
fi
echo "$out" | grep -q "$P:8:8: error: stage" || { echo "$out"; echo "precommit-check: no finding on $P:8" >&2; exit 1; }
echo "precommit-check: ok (clean run passed; broken profile caught on line 8)"
