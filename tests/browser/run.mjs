// Real-browser tests of built careers sites, in the system Chromium.
//   node run.mjs NAME=DIR[#LANG] [NAME=DIR[#LANG] ...] [--overlay=URL]
// Each DIR is the output of `careers build`; it is served on 127.0.0.1 (ephemeral port) and checked.
// With #LANG, only the pages of that language's folder (DIR/LANG/) are checked, by the checks that
// do not depend on the interface's English words (html-validate, axe, filters without JavaScript):
// axe on every page type (light, dark), html-validate on every HTML file, listing structure, filters and
// search with and without JavaScript, keyboard access, posting-page features, layout at 320 px, the
// default theme's measured design (header height, Apply and pay on a phone's first screen, meta lines,
// department pages, footnotes) and screenshots (to $BROWSER_SCREENSHOTS, default <repo>/target/browser-screenshots/).
// With --overlay=URL (a page of a running `careers serve` whose last build failed), the error overlay is
// checked too (axe in light and dark mode, the theme's styles kept out).
// Exits non-zero on any failure, including a missing Chromium ($CHROMIUM, default /usr/bin/chromium).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, chromiumPath, CHROMIUM_MISSING } from './lib/browser.mjs';
import { serve } from './lib/server.mjs';
import { pageTypes } from './lib/site.mjs';
import { loadIndex } from './lib/index.mjs';
import { axeTests } from './checks/axe.mjs';
import { htmlValidateTests } from './checks/html-validate.mjs';
import { listingTests } from './checks/listing.mjs';
import { filterTests } from './checks/filters.mjs';
import { noJsTests } from './checks/no-js.mjs';
import { keyboardTests } from './checks/keyboard.mjs';
import { postingTests, closedPostingTests } from './checks/posting.mjs';
import { layoutTests } from './checks/layout.mjs';
import { designTests, headerTests } from './checks/design.mjs';
import { overlayTests } from './checks/overlay.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const REQUIRED_TYPES = ['index', 'posting', 'closed posting', 'faq', 'department listing', 'page', '404'];

function fail(message) {
  console.error(`error: ${message}`);
  process.exit(1);
}

const overlays = process.argv.slice(2).filter((a) => a.startsWith('--overlay=')).map((a) => a.slice('--overlay='.length));
const args = process.argv.slice(2).filter((a) => !a.startsWith('--overlay='));
if (args.length === 0) fail('usage: node run.mjs NAME=DIR [NAME=DIR ...] (DIR: a site built by `careers build`)');
if (!fs.existsSync(chromiumPath())) fail(`${CHROMIUM_MISSING} (looked for ${chromiumPath()}; set $CHROMIUM to use another binary)`);

const sites = args.map((arg) => {
  const [name, spec] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [path.basename(arg), arg];
  const [root, language] = spec.split('#');
  const dir = language ? path.join(root, language) : root;
  if (!fs.existsSync(path.join(dir, 'index.html'))) fail(`${dir} is not a built site (no index.html)`);
  // Pages of a language folder are served with the rest of the site, under /LANG/.
  const prefix = language ? `/${language}/` : '/';
  const site = { name, language, root: path.resolve(root), dir: path.resolve(dir), types: pageTypes(dir), index: loadIndex(dir), base: null };
  site.url = (p) => new URL((p.startsWith(prefix) ? p : prefix + p.replace(/^\//, '')).replace(/^\//, ''), site.base).href;
  return site;
});

const ctx = {
  browser: null,
  screenshots: process.env.BROWSER_SCREENSHOTS || path.resolve(here, '../../target/browser-screenshots'),
};

before(async () => {
  ctx.browser = await launch();
  for (const site of sites) site.server = await serve(site.root);
  for (const site of sites) site.base = site.server.url;
});

after(async () => {
  await ctx.browser?.close();
  for (const site of sites) await site.server?.close();
});

it('the sites cover every page type', () => {
  const covered = new Set(sites.flatMap((s) => Object.keys(s.types)));
  assert.deepEqual(REQUIRED_TYPES.filter((t) => !covered.has(t)), [], 'page types no site given has');
});

for (const url of overlays) describe('careers serve', () => overlayTests(ctx, url));

for (const site of sites) {
  describe(`site ${site.name}`, () => {
    htmlValidateTests(site);
    axeTests(ctx, site);
    noJsTests(ctx, site);
    if (site.name !== 'minimal-theme') headerTests(ctx, site);
    if (site.language) return;
    listingTests(ctx, site);
    filterTests(ctx, site);
    if (site.types.posting) {
      keyboardTests(ctx, site, site.types.posting);
      postingTests(ctx, site, site.types.posting);
    }
    if (site.types['closed posting']) closedPostingTests(ctx, site, site.types['closed posting']);
    layoutTests(ctx, site);
    // The measured design of the default theme (the minimal theme has its own header and rows).
    if (site.name !== 'minimal-theme') designTests(ctx, site);
  });
}
