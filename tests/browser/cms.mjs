// The browser editor HR use, in the system Chromium: opens /admin/ of a built site with Decap's
// local backend (decap-server from npm, writing into the site's folder), creates a posting
// through the form and publishes it.
//   node cms.mjs SITE_DIR BUILT_DIR
// The admin page loads Decap from unpkg.com: those requests are answered with the pinned npm
// copy (node_modules/decap-cms/dist), so the page under test is the one users get, and no
// request leaves 127.0.0.1. Decap talks to its local backend at localhost:8081: those requests
// go to decap-server on 127.0.0.1. Exits non-zero when a step fails; the Rust test then checks
// the written file with `careers check --strict` and builds it.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from './lib/browser.mjs';
import { serve } from './lib/server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const [siteDir, builtDir] = process.argv.slice(2);
if (!siteDir || !builtDir) throw new Error('usage: node cms.mjs SITE_DIR BUILT_DIR');
const decapDist = path.join(here, 'node_modules/decap-cms/dist');
const version = JSON.parse(fs.readFileSync(path.join(here, 'node_modules/decap-cms/package.json'), 'utf8')).version;
const CDN = `https://unpkg.com/decap-cms@${version}/dist/`;

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

async function startDecapServer(port) {
  const child = spawn(process.execPath, [path.join(here, 'node_modules/decap-server/dist/index.js')], {
    env: { ...process.env, PORT: String(port), BIND_HOST: '127.0.0.1', MODE: 'fs', GIT_REPO_DIRECTORY: path.resolve(siteDir), LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout.on('data', (d) => { log += d; });
  child.stderr.on('data', (d) => { log += d; });
  for (let i = 0; i < 100; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/v1`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ action: 'info' }) });
      if (res.ok) return { child, log: () => log };
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error(`decap-server did not start:\n${log}`);
}

// The posting text typed into the form: long enough for `careers check --strict`.
const BODY = 'You will plan the shifts of forty people and the stock of our Rotterdam warehouse, '
  + 'working with the buyers, the drivers and the team leads every morning. You know spreadsheets well, '
  + 'you stay calm when a lorry is late, and you write plans others can follow. We offer a yearly '
  + 'training budget, thirty days of leave and a bicycle allowance.';

const problems = [];
const port = await freePort();
const decap = await startDecapServer(port);
const site = await serve(builtDir);
const browser = await launch();
let ok = false;
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (url.startsWith(CDN)) {
      const file = path.join(decapDist, decodeURIComponent(url.slice(CDN.length).split('?')[0]));
      if (!file.startsWith(decapDist) || !fs.existsSync(file)) return route.fulfill({ status: 404, body: 'not in the npm package' });
      return route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', headers: { 'access-control-allow-origin': '*' }, body: fs.readFileSync(file) });
    }
    if (url.startsWith('http://localhost:8081/api/v1')) {
      return route.fulfill({ response: await route.fetch({ url: `http://127.0.0.1:${port}/api/v1` }) });
    }
    const { hostname, protocol } = new URL(url);
    if (hostname === '127.0.0.1' || ['data:', 'blob:'].includes(protocol)) return route.continue();
    problems.push(`request leaves 127.0.0.1: ${url}`);
    return route.abort();
  });
  const page = await context.newPage();
  page.on('pageerror', (err) => problems.push(`uncaught exception: ${err.message}`));
  await page.goto(new URL('admin/', site.url).href);
  await page.getByRole('button', { name: /login/i }).click({ timeout: 30000 });
  await page.getByText('Customer Support Specialist').waitFor({ timeout: 30000 });
  await page.goto(new URL('admin/#/collections/jobs/new', site.url).href);
  await page.getByText('Date posted').first().waitFor({ timeout: 30000 });
  const byId = (name) => page.locator(`[id^="${name}-field-"]`).first();
  await byId('title').fill('Warehouse Planner');
  await byId('department').fill('Operations');
  const choose = async (name, text) => {
    await byId(name).click();
    await byId(name).fill(text);
    await page.keyboard.press('Enter');
  };
  await page.getByRole('button', { name: 'Add locations' }).click();
  await byId('city').fill('Rotterdam');
  await choose('country', 'Netherlands (NL)');
  await choose('employment_type', 'full_time');
  await byId('min').fill('42000');
  await byId('max').fill('51000');
  await byId('currency').fill('EUR');
  await choose('period', 'year');
  // Dated from today, as HR would: posted today, open for two months.
  const day = (offset) => new Date(Date.now() + offset * 86400000).toISOString().slice(0, 10);
  await byId('date_posted').fill(day(0));
  await byId('valid_through').fill(day(60));
  await byId('summary').fill('Plan the shifts and the stock of our Rotterdam warehouse.');
  const body = page.locator('[data-slate-editor="true"]').first();
  await body.click();
  await page.keyboard.type(BODY);
  await page.screenshot({ path: path.join(builtDir, '..', 'cms-form.png'), fullPage: true });
  await page.getByRole('button', { name: 'Publish' }).first().click();
  await page.getByText('Publish now').click();
  const written = path.join(siteDir, 'content/jobs/warehouse-planner.md');
  for (let i = 0; i < 100 && !fs.existsSync(written); i++) await new Promise((r) => setTimeout(r, 100));
  if (!fs.existsSync(written)) throw new Error(`publishing wrote no ${written}`);
  await page.screenshot({ path: path.join(builtDir, '..', 'cms-published.png'), fullPage: true });
  ok = true;
} catch (err) {
  const pages = browser.contexts().flatMap((c) => c.pages());
  if (pages[0]) await pages[0].screenshot({ path: path.join(builtDir, '..', 'cms-failed.png'), fullPage: true });
  throw err;
} finally {
  await browser.close();
  await site.close();
  decap.child.kill();
  if (!ok) console.error(decap.log());
}
if (problems.length) { console.error(problems.join('\n')); process.exit(1); }
