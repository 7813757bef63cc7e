// The posting page: apply links top and bottom, share links without third-party scripts, a working
// "Copy link", relative "posted" dates from <time>, a print stylesheet; a closed posting has no Apply.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { guardedPage } from '../lib/browser.mjs';

export function postingTests(ctx, site, url) {
  it(`posting: ${site.name} ${url} has one h1, Apply top and bottom, share links, working Copy link`, async () => {
    const { page, problems, close } = await guardedPage(ctx.browser, { permissions: ['clipboard-read', 'clipboard-write'] });
    try {
      await page.goto(site.url(url));
      assert.equal(await page.locator('h1').count(), 1);
      const apply = await page.$$eval('a', (as) => as.filter((a) => /^Apply for /.test(a.textContent.trim()))
        .map((a) => a.getAttribute('href')));
      assert.equal(apply.length, 2, 'an Apply link at the top and one at the bottom');
      assert.equal(apply[0], apply[1]);
      assert.match(apply[0], /^(mailto:|https?:\/\/)/);

      const canonical = await page.getAttribute('link[rel="canonical"]', 'href');
      const linkedin = await page.getByRole('link', { name: 'Share on LinkedIn' }).getAttribute('href');
      assert.equal(linkedin, `https://www.linkedin.com/sharing/share-offsite/?url=${encodeURIComponent(canonical)}`);
      const email = await page.getByRole('link', { name: 'Share by email' }).getAttribute('href');
      assert.match(email, /^mailto:\?/);
      assert.ok(decodeURIComponent(email).includes(canonical), 'email body carries the link');
      const scripts = await page.$$eval('script[src]', (s) => s.map((x) => x.src));
      assert.ok(scripts.every((s) => s.startsWith(site.url('/'))), `only own scripts: ${scripts}`);

      const copy = page.getByRole('button', { name: 'Copy link' });
      assert.ok(await copy.isVisible(), 'Copy link shown when the Clipboard API exists');
      await copy.click();
      await page.locator('.copy-status', { hasText: 'Link copied to clipboard' }).waitFor({ timeout: 5000 });
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), canonical);
      assert.deepEqual(problems, []);
    } finally {
      await close();
    }
  });

  it(`posting: ${site.name} ${url} shows every image of its text`, async () => {
    const { page, problems, close } = await guardedPage(ctx.browser);
    try {
      await page.goto(site.url(url), { waitUntil: 'load' });
      const broken = await page.$$eval('img', (imgs) => imgs.filter((i) => !i.complete || i.naturalWidth === 0).map((i) => i.src));
      assert.deepEqual(broken, [], 'images that did not load');
      assert.deepEqual(problems, []);
    } finally {
      await close();
    }
  });

  it(`posting: ${site.name} ${url} shows "N days ago" from <time datetime>, full date kept`, async () => {
    const { page, problems, close } = await guardedPage(ctx.browser, { timezoneId: 'UTC', locale: 'en-GB' });
    try {
      const html = await (await fetch(site.url(url))).text();
      const datetime = /<time class="posted" datetime="(\d{4}-\d{2}-\d{2})">([^<]+)</.exec(html);
      assert.ok(datetime, 'a <time class="posted" datetime> on the posting');
      const now = new Date(Date.parse(datetime[1]) + 3 * 864e5 + 10 * 36e5);
      await page.clock.setFixedTime(now);
      await page.goto(site.url(url));
      const time = page.locator(`time.posted[datetime="${datetime[1]}"]`).first();
      assert.equal((await time.textContent()).trim(), '3 days ago');
      assert.equal(await time.getAttribute('title'), datetime[2].trim());
      assert.deepEqual(problems, []);
    } finally {
      await close();
    }
  });

  it(`posting: ${site.name} ${url} prints without navigation, filters or share buttons`, async () => {
    const { page, problems, close } = await guardedPage(ctx.browser);
    try {
      await page.goto(site.url(url));
      await page.emulateMedia({ media: 'print' });
      for (const sel of ['.site-header', '.site-footer', '.breadcrumbs', '.share', '.skip-link']) {
        assert.equal(await page.locator(sel).first().isVisible(), false, `${sel} hidden in print`);
      }
      assert.ok(await page.locator('h1').isVisible());
      assert.ok(await page.locator('.facts').isVisible(), 'key facts printed');
      assert.deepEqual(problems, []);
    } finally {
      await close();
    }
  });
}

export function closedPostingTests(ctx, site, url) {
  it(`closed posting: ${site.name} ${url} says it is closed, offers no Apply, is noindex without JSON-LD`, async () => {
    const { page, problems, close } = await guardedPage(ctx.browser);
    try {
      await page.goto(site.url(url));
      assert.ok(await page.getByText('This position is closed.').first().isVisible());
      assert.equal(await page.locator('a', { hasText: /^Apply for / }).count(), 0);
      assert.equal(await page.getAttribute('meta[name="robots"]', 'content'), 'noindex');
      assert.equal(await page.locator('script[type="application/ld+json"]').count(), 0);
      assert.deepEqual(problems, []);
    } finally {
      await close();
    }
  });
}
