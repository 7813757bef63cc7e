// Keyboard only: the skip link comes first and works, focus is always visible, and Tab reaches the
// Apply link of a posting.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { guardedPage } from '../lib/browser.mjs';

const MAX_TABS = 15;

function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    return {
      id: el.id, tag: el.tagName, text: el.textContent.trim(), href: el.getAttribute('href') || '',
      apply: Boolean(el.closest('.posting-header .cta')),
      outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
      onScreen: box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth,
    };
  });
}

export function keyboardTests(ctx, site, url) {
  it(`keyboard: ${site.name} skip link first, Tab reaches Apply on ${url} with visible focus`, async () => {
    const { page, problems, close } = await guardedPage(ctx.browser);
    try {
      await page.goto(site.url(url));
      await page.keyboard.press('Tab');
      const first = await focused(page);
      assert.equal(first.text, 'Skip to main content', 'first focusable element is the skip link');
      assert.ok(first.onScreen && first.outline, 'skip link is shown, with a focus ring, when focused');
      await page.keyboard.press('Enter');
      assert.equal((await focused(page)).id, 'main', 'skip link moves focus to <main>');

      await page.goto(site.url(url));
      let presses = 0;
      let el;
      do {
        await page.keyboard.press('Tab');
        presses += 1;
        el = await focused(page);
        assert.ok(el.outline, `focus ring visible on ${el.tag} "${el.text}"`);
        assert.ok(el.onScreen, `focused ${el.tag} "${el.text}" is scrolled into view`);
      } while (!el.apply && presses < MAX_TABS);
      assert.ok(el.apply, `Apply link not reached within ${MAX_TABS} Tab presses (last: "${el.text}")`);
      assert.match(el.text, /^Apply for /);
      assert.deepEqual(problems, []);
    } finally {
      await close();
    }
  });
}
