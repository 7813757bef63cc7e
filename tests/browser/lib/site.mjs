// Finds the HTML files of a built site and one page of every page type, from the files themselves
// (the default theme marks <body class="kind-…"> and a closed posting's <article data-closed>).
import fs from 'node:fs';
import path from 'node:path';

/** Every .html file under `root`, sorted, as absolute paths. */
export function htmlFiles(root) {
  const out = [];
  (function walk(dir) {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.html')) out.push(full);
    }
  })(path.resolve(root));
  return out.sort();
}

/** The URL path a file is served at: a/index.html -> /a/, 404.html -> /404.html. */
export function urlPath(root, file) {
  const rel = path.relative(path.resolve(root), file).split(path.sep).join('/');
  return '/' + (rel === 'index.html' ? '' : rel.replace(/(^|\/)index\.html$/, '$1'));
}

function pageType(url, html) {
  const kind = (/<body[^>]*\bclass="[^"]*\bkind-([a-z0-9]+)/.exec(html) || [])[1];
  if (kind === 'job') return /<article[^>]*\bdata-closed\b/.test(html) ? 'closed posting' : 'posting';
  if (kind === 'listing') return url.split('/')[1].replace(/s$/, '') + ' listing';
  return kind || 'unknown';
}

/** { 'index': '/', 'posting': '/jobs/a/', 'closed posting': …, 'department listing': …, … } */
export function pageTypes(root) {
  const types = {};
  for (const file of htmlFiles(root)) {
    const url = urlPath(root, file);
    const type = pageType(url, fs.readFileSync(file, 'utf8'));
    if (!(type in types)) types[type] = url;
  }
  return types;
}
