/**
 * The comparison point of the load test: a minimal static file server (Node's http + fs, as a CDN
 * origin or `serve` would be) for responses saved from the dynamic server. Serves the files listed
 * in <folder>/manifest.json ({ "<path?query>": { "file": "…", "contentType": "…" } }), each read
 * from disk per request, on 127.0.0.1 only; prints "listening <port>".
 *
 *   npx tsx bench/http/static-server.ts <folder>
 */
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';

const folder = process.argv[2];
if (!folder) throw new Error('usage: static-server.ts <folder>');
const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')) as Record<
  string,
  { file: string; contentType: string }
>;
const entries = new Map(
  Object.entries(manifest).map(([url, entry]) => {
    const path = join(folder, entry.file);
    return [url, { path, contentType: entry.contentType, size: statSync(path).size }];
  }),
);

const server = createServer((request, response) => {
  const entry = entries.get(request.url ?? '');
  if (!entry) {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, { 'content-type': entry.contentType, 'content-length': entry.size });
  createReadStream(entry.path).pipe(response);
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`listening ${typeof address === 'object' && address ? address.port : 0}\n`);
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
