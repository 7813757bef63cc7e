// A careers site with thousands of open postings, in the system Chromium:
//   node big.mjs DIR
// DIR is the output of `careers build`. The listing stays small (at most MAX_GZIP bytes gzipped,
// at most MAX_ROWS rows in its HTML), every department page lists all of its postings, and with
// JavaScript a keyword search on the listing still finds a posting that is not in its HTML and a
// filter counts every matching posting, its "See all" links keeping the filter.
import { it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { launch, guardedPage } from './lib/browser.mjs';
import { serve } from './lib/server.mjs';
import { loadIndex } from './lib/index.mjs';
import { waitForStatus, positions } from './lib/dom.mjs';
import { expectedUrls } from './lib/index.mjs';

const MAX_GZIP = 250 * 1024;
const MAX_ROWS = 1500;

const dir = path.resolve(process.argv[2] || '');
if (!fs.existsSync(path.join(dir, 'index.html'))) {
  console.error(`error: ${dir} is not a built site (no index.html)`);
  process.exit(1);
}
const index = loadIndex(dir);
const html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
const ctx = { browser: null, server: null };
const url = (p) => new URL(p.replace(/^\//, ''), ctx.server.url).href;
const rowUrls = (page) => [...page.matchAll(/<li class="job-row"[^]*?<h3 class="job-title"><a href="([^"]+)"/g)].map((m) => m[1]);

before(async () => {
  ctx.browser = await launch();
  ctx.server = await serve(dir);
});

after(async () => {
  await ctx.browser?.close();
  await ctx.server?.close();
});

it(`the listing of ${index.length} postings is at most ${MAX_GZIP / 1024} KB gzipped with at most ${MAX_ROWS} rows`, () => {
  assert.ok(index.length >= 10000, `a big site (${index.length} open postings)`);
  const gzipped = zlib.gzipSync(html).length;
  console.log(`index.html: ${html.length} bytes, ${gzipped} gzipped, ${rowUrls(html).length} rows`);
  assert.ok(gzipped <= MAX_GZIP, `index.html is ${gzipped} bytes gzipped`);
  const rows = rowUrls(html).length;
  assert.ok(rows > 0 && rows <= MAX_ROWS, `${rows} rows in index.html`);
});

it('every department page lists all of its postings, and the listing links to each', () => {
  const departments = [...new Set(index.map((e) => e.department))];
  for (const slug of departments) {
    const page = fs.readFileSync(path.join(dir, 'departments', slug, 'index.html'), 'utf8');
    const expected = index.filter((e) => e.department === slug).map((e) => e.url).sort();
    assert.deepEqual(rowUrls(page).sort(), expected, `rows of /departments/${slug}/`);
    assert.match(html, new RegExp(`<p class="dept-more" data-more><a href="[^"]*/departments/${slug}/"`), `a "See all" link to ${slug}`);
  }
});

it('with JavaScript, a keyword search on the listing finds a posting that is not in its HTML', async () => {
  const listed = new Set(rowUrls(html));
  const missing = index.filter((e) => !listed.has(e.url));
  assert.ok(missing.length > 0, 'postings left out of the listing');
  const target = missing[missing.length - 1];
  const query = target.title;
  const expected = index.filter((e) => query.toLowerCase().split(/\s+/).every((w) => e.text.includes(w)));
  const { page, problems, close } = await guardedPage(ctx.browser);
  try {
    await page.goto(url('/'));
    const requests = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.getByRole('searchbox', { name: 'Search positions' }).fill(query);
    await waitForStatus(page, positions(expected.length));
    const link = page.locator(`[data-job] .job-title a[href="${target.url}"]`);
    assert.ok(await link.isVisible(), `${target.url} shown for "${query}"`);
    assert.deepEqual(requests.filter((p) => p.endsWith('search.json')).length, 1, 'search.json loaded once');

    await page.getByRole('searchbox', { name: 'Search positions' }).fill('');
    await waitForStatus(page, positions(index.length));
    assert.equal(await link.isVisible(), false, 'the left-out posting hidden again once the search is cleared');
    const shown = await page.$$eval('[data-job]', (rs) => rs.filter((r) => r.getClientRects().length > 0).length);
    assert.equal(shown, listed.size, 'the listing back to its first rows');
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

it('with JavaScript, a filter counts every matching posting and its "See all" links keep the filter', async () => {
  const location = index[index.length - 1].locations[0];
  const expected = expectedUrls(index, { location });
  const { page, problems, close } = await guardedPage(ctx.browser);
  try {
    await page.goto(url('/'));
    await page.locator('select[name="location"]').selectOption(location);
    await waitForStatus(page, positions(expected.length));
    const groups = await page.$$eval('[data-group]', (gs) => gs.filter((g) => !g.hidden).map((g) => ({
      slug: g.dataset.group,
      count: Number(g.querySelector('[data-count]').textContent),
      rows: [...g.querySelectorAll('[data-job]')].filter((r) => !r.hidden).map((r) => r.querySelector('a').getAttribute('href')),
      more: g.querySelector('[data-more]:not([hidden]) a')?.getAttribute('href'),
    })));
    for (const g of groups) {
      const all = expectedUrls(index, { location, department: g.slug });
      assert.equal(g.count, all.length, `count of ${g.slug}`);
      assert.ok(g.rows.length > 0 && g.rows.every((r) => all.includes(r)), `rows of ${g.slug} match the filter`);
      if (g.rows.length < all.length) assert.match(g.more || '', new RegExp(`/departments/${g.slug}/\\?location=${location}$`));
    }
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});
