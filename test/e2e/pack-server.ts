import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';

/**
 * A tiny local server for subscription tests: it serves one pack file at /pack.json
 * (http://127.0.0.1 is allowed for development), with an ETag, and can be told to
 * start answering with something else — an HTML page, an error, garbage.
 */
export interface PackAnswer {
  status?: number;
  body: string;
  contentType?: string;
}

export interface PackServer {
  /** The address to subscribe to. */
  packUrl: string;
  /** How many requests reached the server (conditional ones included). */
  requests: () => number;
  answer: (next: PackAnswer) => void;
  close: () => Promise<void>;
}

export async function startPackServer(first: PackAnswer): Promise<PackServer> {
  let current = first;
  let count = 0;
  const server: Server = createServer((req, res) => {
    count++;
    if (req.url?.split('?')[0] !== '/pack.json') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not here');
      return;
    }
    const status = current.status ?? 200;
    const etag = `"${createHash('sha256').update(current.body).digest('hex').slice(0, 16)}"`;
    if (status === 200 && req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag }).end();
      return;
    }
    res.writeHead(status, { 'content-type': current.contentType ?? 'application/json', etag, 'cache-control': 'no-store' });
    res.end(current.body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    packUrl: `http://127.0.0.1:${port}/pack.json`,
    requests: () => count,
    answer: (next) => void (current = next),
    close: () => new Promise((done) => server.close(() => done())),
  };
}
