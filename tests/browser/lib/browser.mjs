// Launches the system Chromium (never a downloaded one) and opens pages that record everything a
// careers page must not do: requests to another host, console errors, uncaught exceptions, failed loads.
import fs from 'node:fs';
import { chromium } from 'playwright-core';

export const CHROMIUM_MISSING = 'the browser tests need Chromium: apt-get install chromium';

export function chromiumPath() {
  return process.env.CHROMIUM || '/usr/bin/chromium';
}

export async function launch() {
  const executablePath = chromiumPath();
  if (!fs.existsSync(executablePath)) {
    throw new Error(`${CHROMIUM_MISSING} (looked for ${executablePath}; set $CHROMIUM to use another binary)`);
  }
  return chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * A new context + page whose misbehaviour is collected in `problems` (a list of strings).
 * Options are Playwright context options (viewport, javaScriptEnabled, colorScheme...).
 */
export async function guardedPage(browser, options = {}) {
  const context = await browser.newContext({ reducedMotion: 'reduce', ...options });
  const page = await context.newPage();
  const problems = [];
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (['data:', 'blob:', 'about:'].includes(url.protocol)) return;
    if (url.hostname !== '127.0.0.1') problems.push(`request leaves 127.0.0.1: ${req.url()}`);
  });
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error on ${page.url()}: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`uncaught exception on ${page.url()}: ${err.message}`));
  page.on('response', (res) => {
    if (res.status() >= 400 && res.request().resourceType() !== 'document') {
      problems.push(`${res.status()} for ${res.url()} (loaded by ${page.url()})`);
    }
  });
  return { context, page, problems, close: () => context.close() };
}
