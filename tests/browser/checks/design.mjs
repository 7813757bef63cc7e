// What a job seeker sees first, measured: small assets, a compact header, a posting whose first phone screen
// holds Apply and the pay, listing meta lines that never start or end with a stray "·",
// department pages that say their name once, and footnotes gathered after a body's text.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { guardedPage } from '../lib/browser.mjs';

const PHONE = { width: 390, height: 844 };
const HEADER_MAX = 120;
const ASSETS_MAX_GZIP = 15 * 1024;

/** Whether the element matched by `selector` on `page` lies wholly inside the window, unscrolled. */
function inFirstScreen(page, selector) {
  return page.$$eval(selector, (els) => els.some((el) => {
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    return el.getClientRects().length > 0 && style.visibility !== 'hidden'
      && box.top >= 0 && box.left >= 0 && box.bottom <= innerHeight && box.right <= innerWidth;
  }));
}

/** The header's height, on every page of a site or of one of its language folders. */
export function headerTests(ctx, site) {
  it(`design: ${site.name} the header is at most ${HEADER_MAX} px tall at 360 px on every page type`, async () => {
    const { page, problems, close } = await guardedPage(ctx.browser, { viewport: { width: 360, height: 740 } });
    try {
      for (const url of Object.values(site.types)) {
        await page.goto(site.url(url));
        const height = await page.$eval('.site-header', (h) => h.getBoundingClientRect().height);
        assert.ok(height <= HEADER_MAX, `header ${height} px tall on ${url}`);
        const brand = await page.$$eval('.site-header', (h) => h[0].textContent.split(document.title.split(' — ').pop()).length - 1);
        assert.ok(brand <= 1, `the site's title is in the header ${brand} times on ${url}`);
      }
      assert.deepEqual(problems, []);
    } finally {
      await close();
    }
  });
}

/** The rest of the measured design, on a site in the default theme and its English texts. */
export function designTests(ctx, site) {
  it(`design: ${site.name} style.css and careers.js together are at most 15 KB gzipped`, () => {
    const sizes = ['style.css', 'careers.js'].map((f) => zlib.gzipSync(fs.readFileSync(path.join(site.root, f))).length);
    const total = sizes.reduce((a, b) => a + b, 0);
    assert.ok(total <= ASSETS_MAX_GZIP, `style.css ${sizes[0]} + careers.js ${sizes[1]} = ${total} bytes gzipped`);
  });

  if (site.types.posting) {
    it(`design: ${site.name} on a 390 × 844 phone, a posting shows Apply and its pay without scrolling, and its Apply bar covers nothing at the end`, async () => {
      const { page, problems, close } = await guardedPage(ctx.browser, { viewport: PHONE });
      try {
        const postings = site.index.map((e) => new URL(e.url, 'http://x').pathname);
        let checked = 0;
        for (const url of postings) {
          await page.goto(site.url(url));
          if (await page.locator('a', { hasText: /^Apply for / }).count() === 0) continue;
          assert.ok(await inFirstScreen(page, 'a.button-primary'), `an Apply button in the first screen of ${url}`);
          const heights = await page.$$eval('a.button-primary', (as) => as.filter((a) => a.getClientRects().length > 0)
            .map((a) => a.getBoundingClientRect().height));
          assert.ok(heights.every((h) => h < 56), `the Apply label fits one line on ${url} (${heights} px tall)`);
          if (await page.locator('.posting-pay').count() > 0) {
            assert.ok(await inFirstScreen(page, '.posting-pay'), `the pay in the first screen of ${url}`);
          }
          // Scrolled to the end, the Apply bar rests below the posting's last lines, covering none.
          await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
          const covered = await page.evaluate(() => {
            const bar = document.querySelector('.apply-bar')?.getBoundingClientRect();
            if (!bar) return [];
            return [...document.querySelectorAll('.posting-more *, .content *')]
              .filter((el) => el.getClientRects().length > 0 && !el.closest('.visually-hidden')
                && !(el.closest('details:not([open])') && !el.closest('summary')))
              .filter((el) => { const r = el.getBoundingClientRect(); return r.bottom > bar.top + 0.5 && r.top < bar.bottom && r.height > 0; })
              .map((el) => el.tagName.toLowerCase() + '.' + el.className).slice(0, 3);
          });
          assert.deepEqual(covered, [], `the Apply bar covers the end of ${url}`);
          checked += 1;
        }
        assert.ok(checked > 0, 'a posting with Apply');
        assert.deepEqual(problems, []);
      } finally {
        await close();
      }
    });
  }

  it(`design: ${site.name} no line of a listing row's meta starts or ends with a visible "·"`, async () => {
    for (const width of [320, 360, 390, 1280]) {
      const { page, problems, close } = await guardedPage(ctx.browser, { viewport: { width, height: 800 } });
      try {
        await page.goto(site.url('/'));
        const stray = await page.$$eval('.job-meta', (metas) => metas.flatMap((ul) => {
          const clip = ul.getBoundingClientRect();
          const clipped = getComputedStyle(ul).clipPath;
          const left = clipped.startsWith('inset(') ? clip.left + parseFloat(clipped.split(' ')[3] || clipped.slice(6)) : clip.left;
          const items = [...ul.children].filter((li) => li.getClientRects().length > 0);
          return items.flatMap((li, i) => {
            const before = getComputedStyle(li, '::before').content;
            const after = getComputedStyle(li, '::after').content;
            const top = li.getBoundingClientRect().top;
            const firstOfLine = i === 0 || items[i - 1].getBoundingClientRect().top < top - 1;
            const lastOfLine = i === items.length - 1 || items[i + 1].getBoundingClientRect().top > top + 1;
            const out = [];
            if (after.includes('·') && lastOfLine) out.push(`ends with "·": ${li.textContent}`);
            if (before.includes('·') && firstOfLine && li.getBoundingClientRect().left >= left - 0.5) {
              out.push(`starts with "·": ${li.textContent}`);
            }
            return out;
          });
        }));
        assert.deepEqual(stray, [], `meta lines at ${width} px`);
        assert.deepEqual(problems, []);
      } finally {
        await close();
      }
    }
  });

  if (site.types['department listing']) {
    it(`design: ${site.name} a department page has one h1 and says nothing twice`, async () => {
      const { page, problems, close } = await guardedPage(ctx.browser, { javaScriptEnabled: false });
      try {
        await page.goto(site.url(site.types['department listing']));
        assert.equal(await page.locator('h1').count(), 1);
        const headings = await page.$$eval('main :is(h1, h2, h3):not(.visually-hidden)', (hs) => hs
          .filter((h) => !h.closest('[data-job], .visually-hidden'))
          .map((h) => h.textContent.replace(/\s+/g, ' ').trim()));
        assert.deepEqual(headings.filter((h, i) => headings.indexOf(h) !== i), [], `repeated headings: ${headings}`);
        const links = await page.$$eval('main a', (as) => as.map((a) => a.textContent.trim()).filter((t) => /open positions/i.test(t)));
        assert.ok(links.length <= 1, `"All open positions" ${links.length} times in main`);
        const feed = page.locator('main a[type="application/atom+xml"]');
        if (await feed.count() > 0) {
          assert.equal((await feed.textContent()).trim(), 'Get new jobs by feed reader');
          const size = await feed.evaluate((a) => parseFloat(getComputedStyle(a).fontSize));
          const body = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
          assert.ok(size < body, `the feed link in small print (${size} px, body ${body} px)`);
        }
        assert.deepEqual(problems, []);
      } finally {
        await close();
      }
    });
  }

  it(`design: ${site.name} a posting's footnotes come after the last paragraph of its text`, async () => {
    const { page, problems, close } = await guardedPage(ctx.browser, { javaScriptEnabled: false });
    try {
      let seen = 0;
      for (const e of site.index) {
        await page.goto(site.url(new URL(e.url, 'http://x').pathname));
        const order = await page.evaluate(() => {
          const notes = [...document.querySelectorAll('.content .footnote-definition')];
          if (notes.length === 0) return null;
          const text = [...document.querySelectorAll('.content :is(p, ul, ol, table, h2, h3)')].filter((el) => !el.closest('.footnotes'));
          const last = text[text.length - 1];
          return notes.every((n) => n.closest('.footnotes') && (last.compareDocumentPosition(n) & Node.DOCUMENT_POSITION_FOLLOWING));
        });
        if (order === null) continue;
        seen += 1;
        assert.ok(order, `footnotes after the text on ${e.url}`);
      }
      if (site.name === 'body') assert.ok(seen > 0, 'the body fixture has a posting with footnotes');
      assert.deepEqual(problems, []);
    } finally {
      await close();
    }
  });
}
