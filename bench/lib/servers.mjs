// Fixture pages on 127.0.0.1 (a host the content script runs on, like the demo).
import http from 'node:http';
import { generateAuditPage, generateHeavyPage } from './generate.mjs';

const UNRELATED = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Recipes</title>
<style>body{font:16px/1.5 system-ui;max-width:40rem;margin:2rem auto}</style></head><body>
<h1>Recipes</h1><p>A page that is not an audit log: the extension should cost it almost nothing.</p>
<ul>${Array.from({ length: 40 }, (_, i) => `<li><a href="#r${i}">Recipe ${i}</a> — flour, water, salt</li>`).join('')}</ul>
<script>document.title = 'Recipes (' + document.querySelectorAll('li').length + ')';</script></body></html>`;

/** Routes: /recipes, /audit-large (10,000 rows), /audit-heavy, /heavy (same page, URL no adapter matches). */
export async function startFixtureServer({ largeRows = 10_000 } = {}) {
  const pages = new Map([
    ['/recipes', UNRELATED],
    ['/audit-large', generateAuditPage(largeRows)],
    ['/audit-heavy', generateHeavyPage({ perSecond: 1000, batch: 10, fingerprint: false })],
    ['/audit-heavy-recognised', generateHeavyPage({ perSecond: 1000, batch: 10, fingerprint: true })],
    ['/heavy', generateHeavyPage({ perSecond: 1000, batch: 10, fingerprint: false })],
  ]);
  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const body = pages.get(path);
    res.writeHead(body ? 200 : 404, { 'content-type': body ? 'text/html; charset=utf-8' : 'text/plain', 'cache-control': 'no-store' });
    res.end(body ?? 'Not found');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve(undefined));
        server.closeAllConnections();
      }),
  };
}
