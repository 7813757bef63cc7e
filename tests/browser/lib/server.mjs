// A tiny static file server for a built site: 127.0.0.1, ephemeral port, pretty URLs like a real host
// (/jobs/x/ serves jobs/x/index.html, /jobs/x redirects to /jobs/x/, unknown paths get /404.html with 404).
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.txt': 'text/plain; charset=utf-8',
};

function isFile(p) {
  try { return fs.statSync(p).isFile(); } catch { return false; }
}

function send(res, status, file) {
  res.writeHead(status, {
    'content-type': TYPES[path.extname(file)] || 'application/octet-stream',
    'cache-control': 'no-store',
  });
  fs.createReadStream(file).pipe(res);
}

/** Serves `root`; resolves to { url: 'http://127.0.0.1:PORT/', close() }. */
export function serve(root) {
  const base = path.resolve(root);
  const server = http.createServer((req, res) => {
    const { pathname } = new URL(req.url, 'http://127.0.0.1');
    const file = path.join(base, decodeURIComponent(pathname));
    if (!file.startsWith(base)) { res.writeHead(400).end(); return; }
    if (isFile(file)) return send(res, 200, file);
    if (isFile(path.join(file, 'index.html'))) {
      if (!pathname.endsWith('/')) { res.writeHead(301, { location: pathname + '/' }).end(); return; }
      return send(res, 200, path.join(file, 'index.html'));
    }
    const notFound = path.join(base, '404.html');
    if (isFile(notFound)) return send(res, 404, notFound);
    res.writeHead(404).end('not found');
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({
        url: `http://127.0.0.1:${port}/`,
        close: () => new Promise((done) => { server.closeAllConnections?.(); server.close(() => done()); }),
      });
    });
  });
}
