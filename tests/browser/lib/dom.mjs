// Small page queries shared by the interaction checks.

/** hrefs of the posting rows a reader can see (hidden rows and groups excluded), sorted. */
export function visibleRows(page) {
  return page.$$eval('[data-job] .job-title a', (links) => links
    .filter((a) => a.getClientRects().length > 0)
    .map((a) => a.getAttribute('href'))
    .sort());
}

/** The text of the results live region. */
export function statusText(page) {
  return page.$eval('[data-results-status]', (el) => el.textContent.trim());
}

/** Waits until the live region says `text` (the script debounces announcements). */
export async function waitForStatus(page, text) {
  await page.waitForFunction(
    (t) => document.querySelector('[data-results-status]')?.textContent.trim() === t,
    text,
    { timeout: 5000 },
  ).catch(async () => {
    throw new Error(`live region never said "${text}"; it says "${await statusText(page)}"`);
  });
}

export function positions(n) {
  return n === 1 ? '1 position' : `${n} positions`;
}
