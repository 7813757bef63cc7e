// axe-core (WCAG 2.0/2.1/2.2 A and AA rules) on one page of every page type, in light and dark mode,
// with and without JavaScript's enhancements. Any violation fails the test, printed readably.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import { guardedPage } from '../lib/browser.mjs';

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'];

export function formatViolations(violations) {
  return violations.map((v) => [
    `- ${v.id} (${v.impact}): ${v.help}`,
    `  ${v.helpUrl}`,
    ...v.nodes.map((n) => `  at ${n.target.join(' ')}\n    ${n.failureSummary.replace(/\n/g, '\n    ')}`),
  ].join('\n')).join('\n');
}

export function axeTests(ctx, site) {
  for (const [type, url] of Object.entries(site.types)) {
    for (const colorScheme of ['light', 'dark']) {
      it(`axe: ${site.name} ${type} ${url} (${colorScheme})`, async () => {
        const { page, problems, close } = await guardedPage(ctx.browser, { colorScheme });
        try {
          await page.goto(site.url(url));
          const { violations } = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
          assert.equal(violations.length, 0, `axe found violations on ${url} (${colorScheme}):\n${formatViolations(violations)}`);
          assert.deepEqual(problems, []);
        } finally {
          await close();
        }
      });
    }
  }
}
