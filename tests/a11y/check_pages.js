#!/usr/bin/env node
// Every published HTML page under the folders given, as a reader's browser shows it:
//   - axe-core (WCAG 2.0/2.1/2.2 A and AA, and best practice): 0 violations;
//   - at 390 CSS px wide (a phone), nothing scrolls sideways (WCAG 1.4.10 reflow).
// One Debian chromium (puppeteer-core, never a downloaded browser) serves every page, and
// every step has a time limit, so the run is bounded whatever the pages hold.
//
//   node check_pages.js FOLDER...        (CHROMIUM=/path/to/chromium to choose the browser)
// Exit 0 when every page passes, 1 when a page fails, 2 when the check itself cannot run.
'use strict';

const fs = require('fs');
const path = require('path');

const PAGE_TIMEOUT_MS = 30000;
const RUN_TIMEOUT_MS = 240000;
const PHONE_WIDTH = 390;
const DESKTOP_WIDTH = 1200;
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa', 'best-practice'];

function fail(message) {
  console.error(`check_pages: ${message}`);
  process.exit(2);
}

function htmlFiles(folder) {
  const out = [];
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) out.push(...htmlFiles(full));
    else if (entry.isFile() && entry.name.endsWith('.html')) out.push(full);
  }
  return out.sort();
}

function withTimeout(promise, ms, what) {
  let timer;
  const limit = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer in ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}

function chromiumPath() {
  const candidates = [process.env.CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
  const found = candidates.find((p) => fs.existsSync(p));
  if (!found) fail(`no chromium (tried ${candidates.join(', ')}): run scripts/setup.sh --test-tools`);
  return found;
}

function loadModules() {
  try {
    return { puppeteer: require('puppeteer-core'), axeSource: require('axe-core').source };
  } catch (e) {
    fail(`${e.message.split('\n')[0]}: run scripts/setup.sh --test-tools (npm ci in tests/a11y)`);
  }
}

// The element that sticks out furthest past the right edge (outside any box that scrolls
// on its own, as a wide table in its scrolling frame may), to name in the report.
function sidewaysScroll() {
  const doc = document.documentElement;
  const overflow = doc.scrollWidth - doc.clientWidth;
  if (overflow <= 0) return null;
  const scrollsItself = (el) => {
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      const o = getComputedStyle(a).overflowX;
      if (o === 'auto' || o === 'scroll' || o === 'hidden' || o === 'clip') return true;
    }
    return false;
  };
  let worst = null;
  for (const el of document.body.querySelectorAll('*')) {
    const right = el.getBoundingClientRect().right + window.scrollX;
    if (right > doc.clientWidth + 1 && (!worst || right > worst.right) && !scrollsItself(el)) {
      const id = el.id ? `#${el.id}` : '';
      const cls = el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
      worst = { right, what: `<${el.tagName.toLowerCase()}${id}${cls}> "${(el.textContent || '').trim().slice(0, 60)}"` };
    }
  }
  return { overflow, what: worst ? worst.what : 'the page' };
}

async function checkPage(browser, axeSource, file) {
  const problems = [];
  const page = await browser.newPage();
  try {
    page.setDefaultTimeout(PAGE_TIMEOUT_MS);
    await page.setViewport({ width: DESKTOP_WIDTH, height: 900 });
    await page.goto('file://' + path.resolve(file), { waitUntil: 'load', timeout: PAGE_TIMEOUT_MS });
    await page.evaluate(axeSource);
    const result = await withTimeout(
      page.evaluate((tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }), AXE_TAGS),
      PAGE_TIMEOUT_MS, `axe on ${file}`);
    for (const v of result.violations) {
      const where = v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ');
      problems.push(`${v.id} (${v.impact}, ${v.nodes.length} element${v.nodes.length === 1 ? '' : 's'}): ${v.help} -- ${where}`);
    }
    await page.setViewport({ width: PHONE_WIDTH, height: 844 });
    const sideways = await page.evaluate(sidewaysScroll);
    if (sideways) problems.push(`scrolls sideways at ${PHONE_WIDTH} px by ${sideways.overflow} px: ${sideways.what}`);
  } finally {
    await page.close().catch(() => {});
  }
  return problems;
}

async function main() {
  const folders = process.argv.slice(2);
  if (folders.length === 0) fail('usage: node check_pages.js FOLDER...');
  const files = [];
  for (const f of folders) {
    if (!fs.existsSync(f) || !fs.statSync(f).isDirectory()) fail(`'${f}' is not a folder`);
    files.push(...htmlFiles(f));
  }
  if (files.length === 0) fail(`no .html page under ${folders.join(', ')}`);
  const { puppeteer, axeSource } = loadModules();
  const browser = await puppeteer.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--allow-file-access-from-files'],
    timeout: PAGE_TIMEOUT_MS,
  });
  let failed = 0;
  try {
    for (const file of files) {
      const problems = await checkPage(browser, axeSource, file);
      if (problems.length) {
        failed++;
        console.log(`FAIL ${file}`);
        for (const p of problems) console.log(`  ${p}`);
      } else {
        console.log(`ok   ${file}`);
      }
    }
  } finally {
    await browser.close().catch(() => {});
  }
  console.log(`${files.length} pages, ${failed} with problems`);
  return failed ? 1 : 0;
}

withTimeout(main(), RUN_TIMEOUT_MS, 'the whole check')
  .then((code) => process.exit(code))
  .catch((e) => fail(e.message));
