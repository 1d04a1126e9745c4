#!/usr/bin/env bash
# The release, checked without publishing (`make release-check`, part of `make test`):
#  - goreleaser check: .goreleaser.yaml is valid and uses nothing deprecated;
#  - the Dockerfile parses and lints clean (dockerfile-utils, the checker of VS Code's Docker
#    extension) and copies the binary the way goreleaser's dockers_v2 lays it out; the image
#    itself is not built (no registry to pull the base from here);
#  - a snapshot of the same config narrowed to linux/amd64 (the six targets take minutes
#    more; `make release-snapshot` builds them all): the archive holds the binary, README,
#    the man pages in both languages (and LICENSE when the repository has one);
#    checksums.txt verifies with sha256sum; the binary from the archive prints the stamped
#    version and commit and validates the examples.
# Usage: .ci/release-check.sh GORELEASER TOOLS_DIR
set -euo pipefail
gr=$(realpath "$1"); tools=$(realpath "$2")
cd "$(dirname "$0")/.."
W=bin/release-check
rm -rf "$W" && mkdir -p "$W"
fail() { echo "release-check: $*" >&2; exit 1; }

echo "== goreleaser check"
"$gr" check

echo "== Dockerfile (dockerfile-utils)"
node .ci/dockerfile-check.js .ci/Dockerfile

echo "== snapshot archive for linux/amd64"
# The same config with the targets narrowed and dist/ moved aside; fail if the lines moved.
sed -e 's/^    goos: \[linux, windows, darwin\]$/    goos: [linux]/' -e 's/^    goarch: \[amd64, arm64\]$/    goarch: [amd64]/' \
  .goreleaser.yaml > "$W/goreleaser.yaml"
grep -q '^    goos: \[linux\]$' "$W/goreleaser.yaml" && grep -q '^    goarch: \[amd64\]$' "$W/goreleaser.yaml" ||
  fail "the goos/goarch lines of .goreleaser.yaml changed: update the sed above"
printf 'dist: %s/dist\n' "$W" >> "$W/goreleaser.yaml"
# Without a remote (a fresh `git init`, a worktree of one) goreleaser records no commit at
# all ("none"); give this run alone the project's URL, through git's environment config.
if [ -z "$(git remote)" ]; then
  export GIT_CONFIG_COUNT=1 GIT_CONFIG_KEY_0=remote.origin.url GIT_CONFIG_VALUE_0=https://github.com/profiler-cx/profiler.git
fi
"$gr" release --snapshot --clean --skip=docker --config "$W/goreleaser.yaml"
unset GIT_CONFIG_COUNT GIT_CONFIG_KEY_0 GIT_CONFIG_VALUE_0

D=$W/dist
shopt -s nullglob
archives=("$D"/profiler_*_linux_amd64.tar.gz)
[ ${#archives[@]} = 1 ] || fail "want one linux_amd64 archive in $D, got: ${archives[*]:-none}"
a=${archives[0]}
(cd "$D" && sha256sum -c checksums.txt) || fail "checksums.txt does not verify"
tar -tzf "$a" | sort > "$W/contents.txt"
for want in profiler README.md man/man1/profiler.1 man/man1/profiler-validate.1 man/ru/man1/profiler.1 man/ru/man1/profiler-validate.1; do
  grep -qx "$want" "$W/contents.txt" || { cat "$W/contents.txt"; fail "$a lacks $want"; }
done
for lic in LICENSE*; do
  grep -qx "$lic" "$W/contents.txt" || fail "$a lacks $lic"
done
mkdir "$W/unpacked" && tar -xzf "$a" -C "$W/unpacked"
bin=$W/unpacked/profiler
"$bin" --version | tee "$W/version.txt"
commit=$(git rev-parse HEAD)
grep -qE '^profiler [0-9]+\.[0-9]+\.[0-9]+-snapshot' "$W/version.txt" || fail "--version does not show the stamped snapshot version"
grep -qx "коммит: $commit" "$W/version.txt" || fail "--version does not show the commit $commit"
grep -qE '^дата: [0-9]{4}-[0-9]{2}-[0-9]{2}T' "$W/version.txt" || fail "--version does not show the date"
go version -m "$bin" | grep -q 'CGO_ENABLED=0' || fail "the Linux binary is not built with CGO_ENABLED=0 (static)"
"$bin" validate examples
echo "release-check: ok ($(basename "$a"), $(du -h "$a" | cut -f1))"
