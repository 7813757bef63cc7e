// Responsive layout: no page scrolls sideways at 320 px; screenshots of the listing, a posting, the FAQ
// and a department page at 360, 390 and 1280 px (light and dark) for a human to look at.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { guardedPage } from '../lib/browser.mjs';

export function layoutTests(ctx, site) {
  it(`layout: ${site.name} no page type scrolls sideways at 320 px`, async () => {
    const { page, problems, close } = await guardedPage(ctx.browser, { viewport: { width: 320, height: 640 } });
    try {
      for (const url of Object.values(site.types)) {
        await page.goto(site.url(url));
        const overflow = await page.evaluate(() => {
          const scroller = (el) => el && el !== document.body
            && (['auto', 'scroll'].includes(getComputedStyle(el).overflowX) || scroller(el.parentElement));
          return [...document.querySelectorAll('body *')]
            .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5
              && el.getClientRects().length > 0 && !el.closest('.visually-hidden, .skip-link, pre, table')
              // Inside a box that scrolls sideways on its own (the header's navigation), not the page.
              && !scroller(el.parentElement))
            .map((el) => `${el.tagName.toLowerCase()}.${el.className}`).slice(0, 5);
        });
        assert.deepEqual(overflow, [], `wider than 320 px on ${url}`);
        const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.ok(sideways <= 0, `${url} scrolls sideways by ${sideways} px`);
      }
      assert.deepEqual(problems, []);
    } finally {
      await close();
    }
  });

  it(`layout: ${site.name} screenshots of the listing, a posting, the FAQ and a department at 360, 390 and 1280 px`, async () => {
    fs.mkdirSync(ctx.screenshots, { recursive: true });
    const shots = { listing: '/', posting: site.types.posting, faq: site.types.faq, department: site.types['department listing'] };
    for (const width of [360, 390, 1280]) {
      for (const colorScheme of ['light', 'dark']) {
        const { page, problems, close } = await guardedPage(ctx.browser, { viewport: { width, height: 900 }, colorScheme });
        try {
          for (const [name, url] of Object.entries(shots)) {
            if (!url) continue;
            await page.goto(site.url(url));
            const file = path.join(ctx.screenshots, `${site.name}-${name}-${width}-${colorScheme}.png`);
            await page.screenshot({ path: file, fullPage: true });
            assert.ok(fs.statSync(file).size > 0);
          }
          assert.deepEqual(problems, []);
        } finally {
          await close();
        }
      }
    }
  });
}
