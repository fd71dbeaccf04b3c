import http from 'node:http';
import os from 'node:os';

/**
 * hello: a tiny HTTP service for synthetic environments (benchmarks with many services). Answers
 * every path with 200 and its name and version, from SERVICE_NAME and SERVICE_VERSION. With
 * UPSTREAM_URL, it first calls that service (same path) and nests its answer under `upstream`,
 * passing the request's `baggage` header on, as a traced service would: the header router reads it.
 */

const name = process.env.SERVICE_NAME ?? os.hostname();
const version = process.env.SERVICE_VERSION ?? '1';
const port = Number(process.env.PORT ?? 8080);
const upstreamUrl = process.env.UPSTREAM_URL;

async function callUpstream(request: http.IncomingMessage): Promise<unknown> {
  if (!upstreamUrl) return undefined;
  const baggage = request.headers.baggage;
  try {
    const answer = await fetch(new URL(request.url ?? '/', upstreamUrl), {
      headers: baggage ? { baggage: [baggage].flat().join(',') } : {},
      signal: AbortSignal.timeout(5_000),
    });
    const text = await answer.text();
    return { status: answer.status, body: answer.ok ? JSON.parse(text) : text };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

const server = http.createServer((request, response) => {
  void callUpstream(request).then((upstream) => {
    const body = JSON.stringify({ service: name, version, path: request.url, upstream });
    response.writeHead(200, {
      'Content-Type': 'application/json',
      'Content-Length': Buffer.byteLength(body),
      'X-Service-Version': version,
    });
    response.end(body);
  });
});
server.listen(port, '0.0.0.0', () =>
  process.stdout.write(`hello ${name} ${version} listening on :${port}\n`),
);
for (const signal of ['SIGTERM', 'SIGINT'] as const)
  process.once(signal, () => server.close(() => process.exit(0)));
