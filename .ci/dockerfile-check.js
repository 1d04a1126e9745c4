#!/usr/bin/env node
// Lints a Dockerfile with dockerfile-utils (the checker behind VS Code's Docker extension)
// and checks what the release relies on: a pinned base, the binary copied from where
// GoReleaser's dockers_v2 puts it ($TARGETPLATFORM/profiler), the entrypoint pointing at
// the copy, and git installed (for `profiler diff`). Usage: node .ci/dockerfile-check.js FILE
'use strict';
const fs = require('fs');
const path = require('path');
const utils = require(path.join(__dirname, '..', '.tools', 'node_modules', 'dockerfile-utils'));

const file = process.argv[2];
if (!file) { console.error('usage: dockerfile-check.js Dockerfile'); process.exit(2); }
const text = fs.readFileSync(file, 'utf8');
let failed = false;
const problem = (line, msg) => { failed = true; console.error(`${file}:${line}: ${msg}`); };

// Severity 1 = error, 2 = warning (LSP); every one fails the check.
for (const d of utils.validate(text)) {
  problem(d.range.start.line + 1, `dockerfile-utils: ${d.message}`);
}

const lines = text.split('\n');
const find = (re) => lines.findIndex((l) => re.test(l));
const from = find(/^FROM\s/);
if (from < 0 || !/^FROM\s+\S+:\S+/.test(lines[from]) || /:latest\b/.test(lines[from])) {
  problem(from + 1, 'the base image must be pinned to a version (FROM image:tag)');
}
if (find(/^ARG\s+TARGETPLATFORM\s*$/) < 0) problem(1, 'ARG TARGETPLATFORM missing: dockers_v2 puts each binary under $TARGETPLATFORM/');
const copy = find(/^COPY\s+\$TARGETPLATFORM\/profiler\s+\S+/);
if (copy < 0) {
  problem(1, 'no "COPY $TARGETPLATFORM/profiler DEST": the binary goreleaser built would not be in the image');
} else {
  const dest = lines[copy].trim().split(/\s+/)[2];
  const entry = find(/^ENTRYPOINT\s/);
  if (entry < 0 || !lines[entry].includes(`"${dest}"`)) problem(entry + 1, `ENTRYPOINT must run ${dest}, where COPY puts the binary`);
}
if (find(/apk add .*\bgit\b|apt-get install .*\bgit\b/) < 0) problem(1, 'git is not installed: profiler diff needs it');
if (failed) process.exit(1);
console.log(`dockerfile-check: ${file}: clean`);
