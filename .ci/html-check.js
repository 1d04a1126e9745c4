#!/usr/bin/env node
// Opens the HTML site that `profiler render --format html` writes in the system Chromium
// (puppeteer-core, no browser download) and checks it as a reader meets it, from disk
// (file://):
//   - every page: no console error, no page error, no failed load, no dialog, and no request
//     that leaves the site's folder (each request is intercepted; outside ones are refused);
//   - axe-core (tags wcag2a, wcag2aa) finds no violation on the index, an overview, a card
//     and a print page;
//   - the index filter: a preset ?q=<a profile's title> shows that profile and hides the
//     others; typing in the filter puts it in the URL; without JavaScript every row shows;
//   - the print page of every life situation prints (A4, backgrounds) to the overview's pages
//     plus exactly one page per card, each card starting a page (pdfinfo counts; the deck is
//     written to PDF_DIR/<ls-id>.pdf);
//   - the hostile site (HOSTILE, optional): the hostile strings show as visible text, no
//     element or javascript: link comes out of them, no dialog opens.
//
//   node .ci/html-check.js SITE PDF_DIR [HOSTILE_SITE STRING...]
//
// Chromium is found on PATH (chromium, chromium-browser, google-chrome), never downloaded.
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const { pathToFileURL, fileURLToPath } = require('url');

const modules = path.join(__dirname, '..', '.tools', 'node_modules');
const puppeteer = require(path.join(modules, 'puppeteer-core'));
const axeSource = fs.readFileSync(path.join(modules, 'axe-core', 'axe.min.js'), 'utf8');

const [siteArg, pdfArg, hostileArg, ...hostileStrings] = process.argv.slice(2);
if (!siteArg || !pdfArg || (hostileArg && hostileStrings.length === 0)) {
  console.error('usage: html-check.js SITE PDF_DIR [HOSTILE_SITE STRING...]');
  process.exit(2);
}
const PAGE_TIMEOUT_MS = 30000;
const failures = [];
function fail(where, msg) {
  failures.push(`${where}: ${msg}`);
  console.error(`html-check: FAIL ${where}: ${msg}`);
}
function ok(msg) { console.log(`html-check: ok ${msg}`); }

function findBrowser() {
  for (const name of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']) {
    for (const dir of (process.env.PATH || '').split(path.delimiter)) {
      const p = path.join(dir, name);
      try { fs.accessSync(p, fs.constants.X_OK); return p; } catch { /* next */ }
    }
  }
  console.error('html-check: no Chromium on PATH (apt-get install -y chromium; `make html-check` installs it)');
  process.exit(2);
}

// The site's pages by kind: index, overviews (<ls>/index.html), print pages, cards.
function sitePages(root) {
  const pages = { index: path.join(root, 'index.html'), overviews: [], prints: [], cards: [], ls: [] };
  if (!fs.existsSync(pages.index)) throw new Error(`${root}: no index.html (did render --format html run?)`);
  for (const d of fs.readdirSync(root, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (!d.isDirectory() || d.name === 'assets') continue;
    const dir = path.join(root, d.name);
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.html')).sort();
    const cards = files.filter((f) => f !== 'index.html' && f !== 'print.html').map((f) => path.join(dir, f));
    pages.ls.push({ id: d.name, dir, cards });
    if (files.includes('index.html')) pages.overviews.push(path.join(dir, 'index.html'));
    if (files.includes('print.html')) pages.prints.push(path.join(dir, 'print.html'));
    pages.cards.push(...cards);
  }
  for (const kind of ['overviews', 'prints', 'cards']) {
    if (pages[kind].length === 0) throw new Error(`${root}: no ${kind} found`);
  }
  return pages;
}

// sitePagesLS is the life situation whose folder holds file, or null.
function sitePagesLS(root, file) {
  return sitePages(root).ls.find((l) => l.dir === path.dirname(file)) || null;
}

// open loads file with every guard on and returns the page and what it recorded.
async function open(browser, root, file, { query = '', js = true } = {}) {
  const page = await browser.newPage();
  page.setDefaultTimeout(PAGE_TIMEOUT_MS);
  await page.setJavaScriptEnabled(js);
  const seen = { console: [], errors: [], outside: [], failed: [], dialogs: [] };
  const rootURL = pathToFileURL(root + path.sep).href;
  await page.setRequestInterception(true);
  page.on('request', (req) => {
    const u = req.url();
    if (u.startsWith('data:') || u === 'about:blank') return req.continue();
    if (u.startsWith('file:') && path.resolve(fileURLToPath(u.split(/[?#]/)[0])).startsWith(root + path.sep)) return req.continue();
    seen.outside.push(u);
    return req.abort('blockedbyclient');
  });
  page.on('console', (m) => { if (m.type() === 'error') seen.console.push(m.text()); });
  page.on('pageerror', (e) => seen.errors.push(String(e && e.message ? e.message : e)));
  page.on('requestfailed', (r) => { if (!seen.outside.includes(r.url())) seen.failed.push(`${r.url()} (${r.failure() && r.failure().errorText})`); });
  page.on('dialog', async (d) => { seen.dialogs.push(`${d.type()}: ${d.message()}`); await d.dismiss(); });
  await page.goto(pathToFileURL(file).href + query, { waitUntil: 'load' });
  return { page, seen };
}

function report(where, seen) {
  let clean = true;
  for (const [kind, list] of Object.entries(seen)) {
    if (list.length) { clean = false; fail(where, `${kind}: ${list.slice(0, 5).join(' | ')}`); }
  }
  return clean;
}

const rel = (root, f) => path.relative(root, f).split(path.sep).join('/');

// axe-core on the page: every wcag2a and wcag2aa violation is a failure. preload: false —
// axe would fetch the stylesheets with XHR, which Chromium refuses under file:// (the site
// itself never fetches; that refusal is not the site's console error).
async function axe(page, where) {
  await page.evaluate(axeSource);
  const res = await page.evaluate(() => window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] }, resultTypes: ['violations'], preload: false }));
  if (res.violations.length === 0) ok(`axe-core (wcag2a, wcag2aa): ${where}: no violation`);
  for (const v of res.violations) {
    fail(where, `axe ${v.id} (${v.impact}): ${v.help}; at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  }
}

// Every page of the site, opened once: it must load clean; axe runs on the first page of
// each kind; each(page, file) adds the checks of the caller.
async function checkPages(browser, root, label, { axeOn = false, each = null } = {}) {
  const p = sitePages(root);
  const all = [p.index, ...p.overviews, ...p.prints, ...p.cards];
  const axeFiles = axeOn ? new Set([p.index, p.overviews[0], p.cards[0], p.prints[0]]) : new Set();
  let clean = 0;
  for (const f of all) {
    const where = `${label}/${rel(root, f)}`;
    const { page, seen } = await open(browser, root, f);
    if (axeFiles.has(f)) await axe(page, where);
    if (each) await each(page, f, where);
    if (report(where, seen)) clean++;
    await page.close();
  }
  if (clean === all.length) ok(`${label}: ${all.length} pages: no console error, no outside request, no failed load, no dialog`);
  return p;
}

// The card links on the index with their row text, and whether each shows.
function cardLinks() {
  const seen = new Map();
  for (const a of document.querySelectorAll('a[href]')) {
    const href = a.getAttribute('href');
    if (!/^[^/]+\/[^/]+\.html$/.test(href) || /\/(index|print)\.html$/.test(href) || seen.has(href)) continue;
    const row = a.closest('tr, li, article') || a;
    const style = getComputedStyle(row);
    seen.set(href, {
      href, title: a.textContent.trim(), row: row.textContent.replace(/\s+/g, ' ').trim(),
      visible: row.getClientRects().length > 0 && style.visibility !== 'hidden' && a.getClientRects().length > 0,
    });
  }
  return [...seen.values()];
}

async function checkFilter(browser, root, p) {
  const noJS = await open(browser, root, p.index, { js: false, query: '?q=zzz-no-such-profile' });
  const rows = await noJS.page.evaluate(cardLinks);
  await noJS.page.close();
  if (rows.length < 2) return fail('filter', `the index links ${rows.length} cards; want every profile (at least 2)`);
  const hidden = rows.filter((r) => !r.visible);
  if (hidden.length) fail('filter', `without JavaScript ${hidden.length} rows are hidden (${hidden[0].href}); every row must show`);
  else ok(`filter: without JavaScript all ${rows.length} profiles show`);
  // A title no other row contains, so the filter has exactly one answer.
  const target = rows.find((r) => r.title && rows.every((o) => o === r || !o.row.toLowerCase().includes(r.title.toLowerCase())));
  if (!target) return fail('filter', 'no profile title is unique on the index; cannot test ?q=');
  const q = `?q=${encodeURIComponent(target.title)}`;
  const { page, seen } = await open(browser, root, p.index, { query: q });
  try {
    await page.waitForFunction((n) => document.querySelectorAll('a[href]').length > 0 &&
      [...document.querySelectorAll('a[href$=".html"]')].filter((a) => a.getClientRects().length > 0).length < n, { timeout: 5000 }, rows.length);
  } catch { /* reported below */ }
  const after = await page.evaluate(cardLinks);
  const shown = after.filter((r) => r.visible).map((r) => r.href);
  if (shown.length === 1 && shown[0] === target.href) ok(`filter: index.html?q=${target.title} shows only ${target.href}`);
  else fail('filter', `index.html?q=${target.title} shows ${shown.length} profiles (${shown.slice(0, 5).join(', ')}); want only ${target.href}`);
  // The state is in the URL: typing into the filter field updates ?q=.
  const field = await page.$('input[type="search"], input[name="q"]');
  if (!field) fail('filter', 'the index has no filter field (input type=search or name=q)');
  else {
    await field.click({ clickCount: 3 });
    await page.keyboard.press('Backspace');
    await field.type('тест');
    const search = await page.evaluate(() => new URLSearchParams(location.search).get('q'));
    if (search === 'тест') ok('filter: typing in the filter field puts it in the URL (?q=тест)');
    else fail('filter', `typing "тест" into the filter field left the URL's q as ${JSON.stringify(search)}`);
  }
  report('filter', seen);
  await page.close();
}

// printDeck prints an open print page as the browser's own «Печать → Сохранить как PDF»
// would (A4, backgrounds) and checks the deck: every card is an <article> that starts a new
// page (CSS break), there is one per card page of the life situation, and the deck has
// exactly one page per card beyond the overview's own pages (printed once more without the
// cards). Each card starts a page and they add up to one page each: none is cut, none spills.
async function printDeck(page, ls, outDir) {
  fs.mkdirSync(outDir, { recursive: true });
  const where = `${ls.id}/print.html`;
  await page.emulateMediaType('print');
  const arts = await page.evaluate(() => [...document.querySelectorAll('article')].map((a) => {
    const prev = a.previousElementSibling;
    return {
      title: ((a.querySelector('h1, h2') || {}).textContent || '').trim(),
      starts: getComputedStyle(a).breakBefore === 'page' || (prev !== null && getComputedStyle(prev).breakAfter === 'page'),
    };
  }));
  if (arts.length !== ls.cards.length) fail(where, `${arts.length} <article> cards; want ${ls.cards.length}, one per card page of ${ls.id}`);
  for (const a of arts.filter((x) => !x.starts)) fail(where, `the card «${a.title}» does not start a new page in print (no break-before/break-after: page)`);
  const out = path.join(outDir, `${ls.id}.pdf`);
  const t0 = Date.now();
  await page.pdf({ path: out, format: 'A4', printBackground: true, preferCSSPageSize: true });
  const ms = Date.now() - t0;
  const info = pdfinfo(out);
  await page.evaluate(() => document.querySelectorAll('article').forEach((a) => a.remove()));
  const overviewOnly = path.join(outDir, `${ls.id}.overview.pdf`);
  await page.pdf({ path: overviewOnly, format: 'A4', printBackground: true, preferCSSPageSize: true });
  const overview = pdfinfo(overviewOnly).pages;
  fs.rmSync(overviewOnly);
  const want = overview + ls.cards.length;
  if (info.pages !== want) fail(where, `printed to ${info.pages} pages; want ${want} (the overview's ${overview} + one per card, ${ls.cards.length}): a card is cut or spills onto a second page (see ${out})`);
  else if (!/\(A4\)/.test(info.size)) fail(where, `page size ${info.size}; want A4`);
  else ok(`print: ${where} → ${info.pages} A4 pages (overview ${overview} + ${ls.cards.length} cards, one page each) in ${ms} ms`);
}

function pdfinfo(file) {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return { pages: Number((/^Pages:\s+(\d+)/m.exec(info) || [])[1]), size: (/^Page size:\s+(.*)$/m.exec(info) || [])[1] || '?' };
}

// The hostile strings are text on the page, and nothing they hold became markup.
async function checkHostile(browser, root, strings) {
  const texts = { cards: '', prints: '' };
  let bad = 0;
  const p = await checkPages(browser, root, 'hostile', {
    each: async (page, f, where) => {
      const r = await page.evaluate(() => ({
        text: document.body.innerText,
        imgs: [...document.querySelectorAll('img')].filter((i) => (i.getAttribute('src') || '') === 'x' || i.hasAttribute('onerror')).length,
        handlers: [...document.querySelectorAll('*')].filter((e) => [...e.attributes].some((a) => /^on/i.test(a.name))).length,
        jsLinks: [...document.querySelectorAll('[href], [src], [action], [formaction]')].filter((e) =>
          ['href', 'src', 'action', 'formaction'].some((n) => /^\s*javascript:/i.test(e.getAttribute(n) || ''))).length,
      }));
      if (/\/print\.html$/.test(f)) texts.prints += r.text;
      else if (!/index\.html$/.test(f)) texts.cards += r.text;
      if (r.imgs) { bad++; fail(where, `${r.imgs} <img src=x onerror> elements came out of the text`); }
      if (r.handlers) { bad++; fail(where, `${r.handlers} elements carry on* event handler attributes`); }
      if (r.jsLinks) { bad++; fail(where, `${r.jsLinks} javascript: links`); }
    },
  });
  for (const kind of ['cards', 'prints']) {
    const missing = strings.filter((s) => !texts[kind].includes(s));
    if (missing.length) { bad++; fail(`hostile ${kind}`, `not visible as text: ${missing.map((s) => JSON.stringify(s)).join(', ')}`); }
  }
  if (!bad) ok(`hostile: ${p.cards.length} cards, ${p.prints.length} print pages: the hostile strings show as text; no element, handler or javascript: link came out of them on any page`);
}

(async () => {
  const site = path.resolve(siteArg);
  const browser = await puppeteer.launch({
    executablePath: findBrowser(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  try {
    const decks = path.resolve(pdfArg);
    const p = await checkPages(browser, site, 'site', {
      axeOn: true,
      each: async (page, f) => {
        const ls = sitePagesLS(site, f);
        if (ls && path.basename(f) === 'print.html') await printDeck(page, ls, decks);
      },
    });
    await checkFilter(browser, site, p);
    if (hostileArg) await checkHostile(browser, path.resolve(hostileArg), hostileStrings);
  } catch (e) {
    fail('html-check', e.stack || String(e));
  } finally {
    await browser.close();
  }
  if (failures.length) {
    console.error(`html-check: ${failures.length} problems (above)`);
    process.exit(1);
  }
  console.log('html-check: all browser checks passed');
})();
