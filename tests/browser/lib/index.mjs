// The build-time search index (/search.json) as the oracle for what a filter or search must show:
// it is written by the Rust side from the same postings, independently of the theme's templates.
import fs from 'node:fs';
import path from 'node:path';

export function loadIndex(dir) {
  return JSON.parse(fs.readFileSync(path.join(dir, 'search.json'), 'utf8'));
}

/** urls (sorted) of the postings matching a filter, as the pre-rendered pages and careers.js must. */
export function expectedUrls(index, { department, location, type, seniority, workplace, q } = {}) {
  const words = (q || '').toLowerCase().split(/\s+/).filter(Boolean);
  return index.filter((e) => (!department || e.department === department)
    && (!location || e.locations.includes(location))
    && (!type || e.types.includes(type))
    && (!seniority || (e.seniority || []).includes(seniority))
    && (!workplace || e.workplace === workplace)
    && words.every((w) => e.text.includes(w)))
    .map((e) => e.url).sort();
}

/** The department with the fewest postings (ties: first slug), so filtering visibly removes rows. */
export function smallestDepartment(index) {
  const counts = {};
  for (const e of index) counts[e.department] = (counts[e.department] || 0) + 1;
  return Object.keys(counts).sort((a, b) => counts[a] - counts[b] || (a < b ? -1 : 1))[0];
}

/** A word from a title that matches some but not all postings (first in alphabetical order). */
export function discriminatingWord(index) {
  const words = [...new Set(index.flatMap((e) => e.title.toLowerCase().split(/[^a-z]+/)))]
    .filter((w) => w.length >= 5).sort();
  return words.find((w) => {
    const n = expectedUrls(index, { q: w }).length;
    return n > 0 && n < index.length;
  });
}
