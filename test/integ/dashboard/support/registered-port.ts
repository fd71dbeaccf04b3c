import { createServer } from 'node:net';

/**
 * The first callback among `callbacks` (those the stack's Dex knows for tests' APIs) whose port is
 * free on 127.0.0.1. Dex redirects only to callbacks it knows, so a test API that signs a browser in
 * must listen on one of them. Fails loudly, naming the fix, when Dex knows none or all are taken.
 */
export async function freeRegisteredCallback(
  callbacks: readonly string[],
): Promise<{ port: number; url: string }> {
  if (callbacks.length === 0) {
    throw new Error(
      "the stack's Dex knows no callback for a test API (its config predates them): run " +
        '`node bin/microstax.js stack up`, which restarts Dex with the current config',
    );
  }
  for (const url of callbacks) {
    const port = Number(new URL(url).port);
    if (await isFree(port)) return { port, url };
  }
  throw new Error(
    `every test API port Dex knows is taken (${callbacks.join(', ')}): is another test running?`,
  );
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ host: '127.0.0.1', port }, () => server.close(() => resolve(true)));
  });
}
