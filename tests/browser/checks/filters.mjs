// With JavaScript: the listing's filters and keyword search work in place, keep their state in the
// address, survive a reload and announce the number of results in the live region.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import { guardedPage } from '../lib/browser.mjs';
import { AXE_TAGS, formatViolations } from './axe.mjs';
import { visibleRows, statusText, waitForStatus, positions } from '../lib/dom.mjs';
import { expectedUrls, smallestDepartment, discriminatingWord } from '../lib/index.mjs';

export function filterTests(ctx, site) {
  const index = site.index;

  it(`filters (JS): ${site.name} department select filters in place, updates URL and live region, survives reload`, async () => {
    const slug = smallestDepartment(index);
    const expected = expectedUrls(index, { department: slug });
    assert.ok(expected.length > 0 && expected.length < index.length, 'fixture needs two departments');
    const { page, problems, close } = await guardedPage(ctx.browser);
    try {
      await page.goto(site.url('/'));
      assert.deepEqual(await visibleRows(page), expectedUrls(index), 'all open postings before filtering');
      assert.equal(await page.locator('[data-filter-links]').isVisible(), false, 'links replaced by selects');
      const select = page.locator('select[name="department"]');
      await select.selectOption(slug);
      await waitForStatus(page, positions(expected.length));
      assert.deepEqual(await visibleRows(page), expected);
      assert.equal(new URL(page.url()).searchParams.get('department'), slug);
      const groupCounts = await page.$$eval('[data-group]', (gs) => gs
        .filter((g) => g.getClientRects().length > 0)
        .map((g) => [g.dataset.group, g.querySelector('[data-count]').textContent.trim()]));
      assert.deepEqual(groupCounts, [[slug, String(expected.length)]], 'only the chosen group, with its count');

      await page.reload();
      assert.equal(await select.inputValue(), slug, 'select restored from ?department=');
      assert.deepEqual(await visibleRows(page), expected, 'same rows after reload');
      await waitForStatus(page, positions(expected.length));
      assert.deepEqual(problems, []);
    } finally {
      await close();
    }
  });

  const levels = [...new Set(index.flatMap((e) => e.seniority || []))].sort();
  if (levels.length > 1) {
    it(`filters (JS): ${site.name} seniority select filters in place and keeps ?seniority= across a reload`, async () => {
      const level = levels.find((l) => expectedUrls(index, { seniority: l }).length < index.length);
      assert.ok(level, 'a level that some postings lack');
      const expected = expectedUrls(index, { seniority: level });
      const { page, problems, close } = await guardedPage(ctx.browser);
      try {
        await page.goto(site.url('/'));
        const select = page.locator('select[name="seniority"]');
        await select.selectOption(level);
        await waitForStatus(page, positions(expected.length));
        assert.deepEqual(await visibleRows(page), expected);
        assert.equal(new URL(page.url()).searchParams.get('seniority'), level);
        await page.reload();
        assert.equal(await select.inputValue(), level, 'select restored from ?seniority=');
        assert.deepEqual(await visibleRows(page), expected, 'same rows after reload');
        assert.deepEqual(problems, []);
      } finally {
        await close();
      }
    });
  }

  it(`search (JS): ${site.name} a keyword shows matching rows only; no match offers a reset`, async () => {
    const word = discriminatingWord(index);
    assert.ok(word, 'no title word matches some but not all postings');
    const expected = expectedUrls(index, { q: word });
    const { page, problems, close } = await guardedPage(ctx.browser);
    try {
      await page.goto(site.url('/'));
      const input = page.getByRole('searchbox', { name: 'Search positions' });
      await input.fill(word.toUpperCase());
      await waitForStatus(page, positions(expected.length));
      assert.deepEqual(await visibleRows(page), expected, `rows matching "${word}"`);
      assert.equal(new URL(page.url()).searchParams.get('q'), word.toUpperCase());

      await input.fill('zzqxv-no-such-word');
      await waitForStatus(page, positions(0));
      assert.deepEqual(await visibleRows(page), []);
      const reset = page.getByRole('button', { name: 'Show all positions' });
      assert.ok(await reset.isVisible(), 'reset button shown when nothing matches');
      const { violations } = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
      assert.equal(violations.length, 0, `axe, "no results" state:\n${formatViolations(violations)}`);
      await reset.click();
      await waitForStatus(page, positions(index.length));
      assert.deepEqual(await visibleRows(page), expectedUrls(index));
      assert.equal(new URL(page.url()).search, '', 'reset clears the address');
      assert.equal(await statusText(page), positions(index.length));
      assert.deepEqual(problems, []);
    } finally {
      await close();
    }
  });

  it(`search (JS): ${site.name} a keyword matches whatever its case, accents or width`, async () => {
    const word = discriminatingWord(index);
    assert.ok(word, 'no title word matches some but not all postings');
    const expected = expectedUrls(index, { q: word });
    const accents = { a: 'Á', e: 'É', i: 'İ', o: 'Ö', u: 'Ü' };
    const spellings = [
      [...word].map((c) => accents[c] || c.toUpperCase()).join(''),
      [...word].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join(''),
    ];
    const { page, problems, close } = await guardedPage(ctx.browser);
    try {
      for (const typed of spellings) {
        await page.goto(site.url('/'));
        await page.getByRole('searchbox', { name: 'Search positions' }).fill(typed);
        await waitForStatus(page, positions(expected.length));
        assert.deepEqual(await visibleRows(page), expected, `rows matching "${word}" typed as "${typed}"`);
      }
      assert.deepEqual(problems, []);
    } finally {
      await close();
    }
  });
}
