#!/usr/bin/env node
// Drives yaml-language-server headless over LSP stdio, as VS Code's YAML extension does,
// to prove that the yaml-language-server modelines profiler writes resolve offline:
//   node .ci/yls-check.js SERVER --clean FILE... --dirty FILE...
// --clean files must get no diagnostics at all (no "unable to load schema" either);
// --dirty files must get at least one, and none about a schema that cannot be loaded (so the
// schema was really resolved and applied).
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const path = require('path');
const { pathToFileURL } = require('url');

const [server, ...rest] = process.argv.slice(2);
const clean = [], dirty = [];
let mode = null;
for (const a of rest) {
  if (a === '--clean' || a === '--dirty') { mode = a; continue; }
  (mode === '--dirty' ? dirty : clean).push(path.resolve(a));
}
if (!server || clean.length + dirty.length === 0) {
  console.error('usage: yls-check.js SERVER --clean FILE... --dirty FILE...');
  process.exit(2);
}

const proc = spawn(process.execPath, [server, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
let buf = Buffer.alloc(0), nextId = 1;
const pending = new Map(), diags = new Map();
const settings = { yaml: { validate: true, hover: false, completion: false, schemas: {},
  schemaStore: { enable: false }, format: { enable: false } } };

function send(msg) {
  const body = Buffer.from(JSON.stringify(Object.assign({ jsonrpc: '2.0' }, msg)), 'utf8');
  proc.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
  proc.stdin.write(body);
}
function request(method, params) {
  const id = nextId++;
  send({ id, method, params });
  return new Promise((resolve) => pending.set(id, resolve));
}
function onMessage(m) {
  if (m.id !== undefined && m.method === undefined) { // a response
    const r = pending.get(m.id); pending.delete(m.id); if (r) r(m.result); return;
  }
  if (m.method === 'workspace/configuration') {
    send({ id: m.id, result: m.params.items.map((it) => (it.section ? settings[it.section] ?? null : settings)) });
  } else if (m.id !== undefined) {
    send({ id: m.id, result: null }); // register capability etc.
  } else if (m.method === 'textDocument/publishDiagnostics') {
    diags.set(m.params.uri, m.params.diagnostics);
  }
}
proc.stdout.on('data', (chunk) => {
  buf = Buffer.concat([buf, chunk]);
  for (;;) {
    const end = buf.indexOf('\r\n\r\n');
    if (end < 0) return;
    const len = Number(/Content-Length: (\d+)/i.exec(buf.slice(0, end).toString())[1]);
    if (buf.length < end + 4 + len) return;
    const body = buf.slice(end + 4, end + 4 + len).toString('utf8');
    buf = buf.slice(end + 4 + len);
    onMessage(JSON.parse(body));
  }
});

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

(async () => {
  const root = pathToFileURL(process.cwd()).href;
  await request('initialize', { processId: process.pid, rootUri: root, workspaceFolders: [{ uri: root, name: 'w' }],
    capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: {} } } });
  send({ method: 'initialized', params: {} });
  send({ method: 'workspace/didChangeConfiguration', params: { settings } });
  const all = clean.concat(dirty);
  for (const f of all) {
    send({ method: 'textDocument/didOpen', params: { textDocument: {
      uri: pathToFileURL(f).href, languageId: 'yaml', version: 1, text: fs.readFileSync(f, 'utf8') } } });
  }
  // Wait until every file has diagnostics and nothing changed for a moment.
  let last = '', stable = 0;
  for (let i = 0; i < 300 && stable < 10; i++) {
    await sleep(100);
    const now = JSON.stringify([...diags]);
    stable = (now === last && all.every((f) => diags.has(pathToFileURL(f).href))) ? stable + 1 : 0;
    last = now;
  }
  let failed = false;
  for (const f of all) {
    const d = diags.get(pathToFileURL(f).href);
    const rel = path.relative(process.cwd(), f);
    if (d === undefined) { console.error(`${rel}: no diagnostics published`); failed = true; continue; }
    const want = dirty.includes(f) ? 'dirty' : 'clean';
    const text = d.map((x) => `  ${x.range.start.line + 1}:${x.range.start.character + 1} ${x.message}`).join('\n');
    const unresolved = d.some((x) => /unable to load schema/i.test(x.message));
    if ((want === 'clean') !== (d.length === 0) || unresolved) {
      console.error(`${rel}: expected ${want}, got ${d.length} diagnostic(s)${text ? '\n' + text : ''}`);
      failed = true;
    } else {
      console.log(`${rel}: ${want} (${d.length} diagnostic(s))${want === 'dirty' ? '\n' + text : ''}`);
    }
  }
  proc.kill();
  process.exit(failed ? 1 : 0);
})().catch((e) => { console.error(e); proc.kill(); process.exit(2); });
