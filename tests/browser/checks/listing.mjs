// The listing without any script: postings grouped by department with counts, and every row shows
// location/workplace, employment type and the posted date as <time datetime>.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { guardedPage } from '../lib/browser.mjs';
import { expectedUrls } from '../lib/index.mjs';

export function listingTests(ctx, site) {
  it(`listing: ${site.name} / groups every open posting by department, rows carry the key facts`, async () => {
    const { page, problems, close } = await guardedPage(ctx.browser, { javaScriptEnabled: false });
    try {
      await page.goto(site.url('/'));
      const groups = await page.$$eval('[data-group]', (gs) => gs.map((g) => ({
        slug: g.dataset.group,
        count: Number(g.querySelector('h2 [data-count]').textContent),
        rows: [...g.querySelectorAll('[data-job]')].map((r) => ({
          href: r.querySelector('h3 a').getAttribute('href'),
          meta: r.querySelector('.job-meta').textContent.replace(/\s+/g, ' '),
          datetime: r.querySelector('time[datetime]')?.getAttribute('datetime'),
        })),
      })));
      for (const g of groups) {
        assert.equal(g.count, g.rows.length, `count shown for ${g.slug}`);
        assert.deepEqual(g.rows.map((r) => r.href).sort(), expectedUrls(site.index, { department: g.slug }));
        for (const r of g.rows) {
          assert.match(r.datetime || '', /^\d{4}-\d{2}-\d{2}$/, `${r.href}: posted date as <time datetime>`);
          assert.match(r.meta, /On-site|Hybrid|Remote/, `${r.href}: workplace shown`);
          assert.match(r.meta, /Full-time|Part-time|Contract|Temporary|Internship|Volunteer|Per diem|Other/i, `${r.href}: type shown`);
        }
      }
      assert.equal(groups.reduce((n, g) => n + g.rows.length, 0), site.index.length, 'every open posting listed once');
      assert.deepEqual(problems, []);
    } finally {
      await close();
    }
  });
}
