// Without JavaScript: the search form stays hidden and every filter link leads to its pre-rendered
// page, which lists exactly the postings of that department / location / type / seniority / workplace.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { guardedPage } from '../lib/browser.mjs';
import { visibleRows } from '../lib/dom.mjs';
import { expectedUrls, smallestDepartment } from '../lib/index.mjs';

const FILTER_KEYS = { department: 'department', location: 'location', type: 'type', seniority: 'seniority', workplace: 'workplace' };

export function noJsTests(ctx, site) {
  const index = site.index;

  it(`no JS: ${site.name} clicking a department link opens /departments/<slug>/ with only its postings`, async () => {
    const slug = smallestDepartment(index);
    const { page, problems, close } = await guardedPage(ctx.browser, { javaScriptEnabled: false });
    try {
      await page.goto(site.url('/'));
      assert.equal(await page.locator('[data-search-form]').isVisible(), false, 'search form hidden without JS');
      assert.deepEqual(await visibleRows(page), expectedUrls(index));
      await page.locator(`[data-filter="department"] a[data-value="${slug}"]`).click();
      await page.waitForURL(site.url(`/departments/${slug}/`));
      assert.deepEqual(await visibleRows(page), expectedUrls(index, { department: slug }));
      assert.deepEqual(problems, []);
    } finally {
      await close();
    }
  });

  it(`no JS: ${site.name} every filter link on / leads to a page with exactly its postings`, async () => {
    const { page, problems, close } = await guardedPage(ctx.browser, { javaScriptEnabled: false });
    try {
      await page.goto(site.url('/'));
      const links = await page.$$eval('[data-filter] a[data-value]', (as) => as.map((a) => ({
        key: a.closest('[data-filter]').dataset.filter, value: a.dataset.value, href: a.getAttribute('href'),
      })));
      assert.ok(links.length >= 3, 'filter links present');
      for (const link of links) {
        const response = await page.goto(site.url(link.href));
        assert.equal(response.status(), 200, `${link.href} exists`);
        assert.deepEqual(await visibleRows(page), expectedUrls(index, { [FILTER_KEYS[link.key]]: link.value }),
          `postings on ${link.href}`);
      }
      assert.deepEqual(problems, []);
    } finally {
      await close();
    }
  });
}
