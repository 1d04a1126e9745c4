#!/usr/bin/env node
// Drives yaml-language-server headless over LSP stdio, as an editor would: initialize, open
// each YAML file (its `# yaml-language-server: $schema=…` modeline picks the schema), and
// collect the diagnostics the server publishes.
//
//   node .ci/lsp-check.js clean FILE...             every file must get no diagnostics
//   node .ci/lsp-check.js agree REPORT.json FILE... the lines with diagnostics must be exactly
//                                                   the lines of profiler's schema findings
//                                                   (REPORT: profiler validate --format json)
'use strict';
const fs = require('fs');
const path = require('path');
const { spawn } = require('child_process');
const { pathToFileURL } = require('url');

const TIMEOUT_MS = 60000; // whole run
const QUIET_MS = 1500;    // no new diagnostics for this long after every file had some: done

const [mode, ...rest] = process.argv.slice(2);
const report = mode === 'agree' ? JSON.parse(fs.readFileSync(rest.shift(), 'utf8')) : null;
const files = rest.map((f) => path.resolve(f));
if (!['clean', 'agree'].includes(mode) || files.length === 0) {
  console.error('usage: lsp-check.js clean FILE... | lsp-check.js agree REPORT.json FILE...');
  process.exit(2);
}

const server = spawn(process.execPath, [
  path.join(__dirname, '..', '.tools', 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server'), '--stdio',
], { stdio: ['pipe', 'pipe', 'inherit'] });

const settings = { yaml: { validate: true, hover: false, completion: false, format: { enable: false }, schemaStore: { enable: false }, schemas: {} } };
const started = Date.now();
let nextId = 1;
const pending = new Map();
function send(msg) {
  const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...msg }), 'utf8');
  server.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
  server.stdin.write(body);
}
function request(method, params) {
  const id = nextId++;
  send({ id, method, params });
  return new Promise((resolve) => pending.set(id, resolve));
}
const notify = (method, params) => send({ method, params });

const diagnostics = new Map(); // uri → latest diagnostics
let lastPublish = 0;
function onMessage(msg) {
  if (process.env.LSP_DEBUG) console.error(`${Date.now() - started} ms: <- ${msg.method || 'response ' + msg.id}`);
  if (msg.id !== undefined && msg.method === undefined) { // a response to us
    const resolve = pending.get(msg.id);
    pending.delete(msg.id);
    if (resolve) resolve(msg.result);
    return;
  }
  if (msg.id !== undefined) { // a request from the server: answer every one
    let result = null;
    if (msg.method === 'workspace/configuration') {
      result = msg.params.items.map((it) => (it.section && settings[it.section]) || null);
    }
    send({ id: msg.id, result });
    return;
  }
  if (msg.method === 'textDocument/publishDiagnostics') {
    diagnostics.set(msg.params.uri, msg.params.diagnostics);
    lastPublish = Date.now();
    if (process.env.LSP_DEBUG) console.error(`${lastPublish - started} ms: ${msg.params.diagnostics.length} diagnostics for ${msg.params.uri}`);
  }
}

let buf = Buffer.alloc(0);
server.stdout.on('data', (chunk) => {
  buf = Buffer.concat([buf, chunk]);
  for (;;) {
    const headerEnd = buf.indexOf('\r\n\r\n');
    if (headerEnd < 0) return;
    const m = /Content-Length: *(\d+)/i.exec(buf.subarray(0, headerEnd).toString('ascii'));
    if (!m) { fail('bad LSP header'); return; }
    const len = Number(m[1]);
    if (buf.length < headerEnd + 4 + len) return;
    const body = buf.subarray(headerEnd + 4, headerEnd + 4 + len).toString('utf8');
    buf = buf.subarray(headerEnd + 4 + len);
    onMessage(JSON.parse(body));
  }
});

function fail(why) {
  console.error(`lsp-check: ${why}`);
  server.kill();
  process.exit(1);
}
setTimeout(() => fail(`timeout after ${TIMEOUT_MS} ms; diagnostics for ${diagnostics.size} of ${files.length} files`), TIMEOUT_MS).unref();
server.on('exit', (code) => { if (!finished) fail(`yaml-language-server exited with ${code}`); });
let finished = false;

async function main() {
  const root = pathToFileURL(process.cwd()).href;
  await request('initialize', {
    processId: process.pid, rootUri: root, workspaceFolders: [{ uri: root, name: 'root' }],
    capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: {} } },
  });
  notify('initialized', {});
  notify('workspace/didChangeConfiguration', { settings });
  const uris = files.map((f) => pathToFileURL(f).href);
  files.forEach((f, i) => notify('textDocument/didOpen', {
    textDocument: { uri: uris[i], languageId: 'yaml', version: 1, text: fs.readFileSync(f, 'utf8') },
  }));
  await new Promise((resolve) => {
    const t = setInterval(() => {
      if (uris.every((u) => diagnostics.has(u)) && Date.now() - lastPublish > QUIET_MS) { clearInterval(t); resolve(); }
    }, 100);
  });
  finished = true;
  await Promise.race([request('shutdown', null), new Promise((r) => setTimeout(r, 2000))]);
  notify('exit', null);
  server.kill();
  return check(uris);
}

function check(uris) {
  let ok = true;
  let seen = 0;
  const rel = (f) => path.relative(process.cwd(), f);
  files.forEach((f, i) => {
    const ds = diagnostics.get(uris[i]);
    for (const d of ds) console.log(`${rel(f)}:${d.range.start.line + 1}:${d.range.start.character + 1}: yaml-language-server: ${d.message.replace(/\s+/g, ' ')}`);
    if (mode === 'clean' && ds.length > 0) ok = false;
    if (mode === 'agree') {
      const editor = [...new Set(ds.map((d) => d.range.start.line + 1))].sort((a, b) => a - b);
      const cli = [...new Set(report.findings
        .filter((x) => path.resolve(x.file) === f && x.line > 0 && /^(schema-|stage-gate|yaml-)/.test(x.rule))
        .map((x) => x.line))].sort((a, b) => a - b);
      const same = editor.join() === cli.join();
      seen += editor.length;
      console.log(`lsp-check: ${rel(f)}: editor lines [${editor}], profiler lines [${cli}]: ${same ? 'agree' : 'DISAGREE'}`);
      if (!same) ok = false;
    }
  });
  if (mode === 'agree' && seen === 0) { ok = false; console.log('lsp-check: no diagnostics at all: is the file broken?'); }
  if (mode === 'clean') console.log(`lsp-check: ${files.length} files, ${ok ? 'no diagnostics' : 'DIAGNOSTICS FOUND'}`);
  return ok;
}

main().then((ok) => process.exit(ok ? 0 : 1), (e) => fail(e.stack || String(e)));
