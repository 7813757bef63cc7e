// The error overlay of `careers serve` over a themed page: axe (colour contrast included) in
// light and dark mode, and the theme's styles (its `pre` background) do not reach it.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import { guardedPage } from '../lib/browser.mjs';
import { AXE_TAGS, formatViolations } from './axe.mjs';

export function overlayTests(ctx, url) {
  for (const colorScheme of ['light', 'dark']) {
    it(`error overlay of careers serve ${url} (${colorScheme})`, async () => {
      const { page, problems, close } = await guardedPage(ctx.browser, { colorScheme });
      try {
        await page.goto(url);
        // Playwright's locators see into open shadow roots: found wherever the overlay keeps it.
        const pre = page.locator('#careers-error-overlay pre').filter({ hasText: 'date_posted' });
        await pre.waitFor({ timeout: 10000 });
        const { violations, incomplete } = await new AxeBuilder({ page }).include('#careers-error-overlay').withTags(AXE_TAGS).analyze();
        assert.equal(violations.length, 0, `axe found violations in the overlay (${colorScheme}):\n${formatViolations(violations)}`);
        // axe leaves wrapped preformatted text undecided ("partially overlaps other elements"):
        // those elements are measured with axe's own colour maths against their real background.
        const undecided = incomplete.filter((r) => r.id === 'color-contrast').flatMap((r) => r.nodes.map((n) => n.target));
        const low = await page.evaluate(contrastBelowAA, undecided);
        assert.deepEqual(low, [], `text in the overlay below 4.5:1 (${colorScheme})`);
        const style = await pre.evaluate((el) => {
          const s = getComputedStyle(el);
          return { background: s.backgroundColor, padding: s.paddingTop, color: s.color };
        });
        assert.deepEqual(style, { background: 'rgb(20, 20, 20)', padding: '0px', color: 'rgb(245, 245, 245)' },
          'the theme\'s styles reach the overlay');
        assert.deepEqual(problems, []);
      } finally {
        await close();
      }
    });
  }
}

// In the page (axe already injected): each target (a selector path through shadow roots) whose text
// colour on its nearest opaque background is below 4.5:1, with the ratio.
function contrastBelowAA(targets) {
  const { Color, getContrast } = window.axe.commons.color;
  const parse = (text) => { const c = new Color(); c.parseString(text); return c; };
  const find = (path) => path.reduce((scope, selector, i) =>
    (i === 0 ? document : scope.shadowRoot).querySelector(selector), null);
  const background = (el) => {
    for (let at = el; at; at = at.parentElement || at.getRootNode().host) {
      const color = parse(getComputedStyle(at).backgroundColor);
      if (color.alpha === 1) return color;
    }
    return parse('rgb(255, 255, 255)');
  };
  return targets.map((path) => {
    const el = find(Array.isArray(path[0]) ? path[0] : path);
    const ratio = getContrast(background(el), parse(getComputedStyle(el).color));
    return { target: path.join(' '), ratio: Math.round(ratio * 100) / 100 };
  }).filter((r) => !(r.ratio >= 4.5));
}
