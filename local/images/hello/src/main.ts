import http from 'node:http';
import os from 'node:os';

/**
 * hello: a tiny HTTP service for synthetic environments (benchmarks with many services). Answers
 * every path with 200 and its name and version, from SERVICE_NAME and SERVICE_VERSION.
 */

const name = process.env.SERVICE_NAME ?? os.hostname();
const version = process.env.SERVICE_VERSION ?? '1';
const port = Number(process.env.PORT ?? 8080);

const server = http.createServer((request, response) => {
  const body = JSON.stringify({ service: name, version, path: request.url });
  response.writeHead(200, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(body),
    'X-Service-Version': version,
  });
  response.end(body);
});
server.listen(port, '0.0.0.0', () =>
  process.stdout.write(`hello ${name} ${version} listening on :${port}\n`),
);
for (const signal of ['SIGTERM', 'SIGINT'] as const)
  process.once(signal, () => server.close(() => process.exit(0)));
