#!/usr/bin/env node
// Validates SARIF logs against the OASIS SARIF 2.1.0 JSON Schema (rtm.5, draft-04, as shipped
// in @microsoft/jest-sarif) with ajv. Usage: node .ci/sarif-check.js LOG.sarif...
'use strict';
const fs = require('fs');
const path = require('path');
const modules = path.join(__dirname, '..', '.tools', 'node_modules');
const Ajv = require(path.join(modules, 'ajv-draft-04'));
const addFormats = require(path.join(modules, 'ajv-formats'));

const schema = JSON.parse(fs.readFileSync(
  path.join(modules, '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json'), 'utf8'));
// unicodeRegExp: false — the schema's language-tag pattern has a stray ']' that the u flag rejects.
const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(schema);

let failed = false;
for (const file of process.argv.slice(2)) {
  const log = JSON.parse(fs.readFileSync(file, 'utf8'));
  const results = (log.runs || []).reduce((n, r) => n + (r.results || []).length, 0);
  if (validate(log)) {
    console.log(`sarif-check: ${file}: valid SARIF 2.1.0 (${results} results)`);
  } else {
    failed = true;
    console.error(`sarif-check: ${file}: INVALID`);
    for (const e of validate.errors) console.error(`  ${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
  }
}
if (process.argv.length < 3) { console.error('usage: sarif-check.js LOG.sarif...'); failed = true; }
process.exit(failed ? 1 : 0);
