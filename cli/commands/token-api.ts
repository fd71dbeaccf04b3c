import { ApiClient } from '../../api/client.js';
import { parseDuration } from '../../workflows/duration.js';
import type { CreatedTokenBody, TokenBody, TokenListBody } from '../api-types.js';
import { CliError } from '../cli-error.js';
import { clientSettings } from '../contexts.js';
import { isDocument, type OutputOptions, outputFormat, printResult } from '../output.js';

/** `microstax token create|list|revoke` through the API, as the current context's user. */

const client = async () => new ApiClient(await clientSettings());

const row = (token: TokenBody) =>
  `${token.id}  ${token.prefix}…  ${token.state.padEnd(8)} ${token.createdAt}  ${token.user}  ${token.description}`;

export async function createThroughApi(
  opts: OutputOptions & { for?: string; description: string; expiresIn?: string },
): Promise<void> {
  let expiresInDays: number | undefined;
  if (opts.expiresIn !== undefined) {
    const ms = parseDuration(opts.expiresIn);
    if (ms === undefined || ms <= 0)
      throw new CliError({
        type: 'invalid-input',
        field: 'expires-in',
        message: `--expires-in must be a duration such as 30d (got "${opts.expiresIn}")`,
      });
    expiresInDays = Math.ceil(ms / 86_400_000);
  }
  const { body } = await (await client()).request<CreatedTokenBody>({
    method: 'POST',
    path: '/v1/tokens',
    body: { description: opts.description, expiresInDays, user: opts.for },
  });
  const format = outputFormat(opts);
  if (!isDocument(format))
    process.stderr.write(`token ${body.id} for ${body.user}; it is shown only now: store it safely\n`);
  await printResult(format, {
    document: { ok: true, ...body },
    table: () => body.token,
    names: () => [body.id],
  });
}

export async function listThroughApi(opts: OutputOptions & { for?: string }): Promise<void> {
  const query = opts.for ? `?user=${encodeURIComponent(opts.for)}` : '';
  const { body } = await (await client()).request<TokenListBody>({ path: `/v1/tokens${query}` });
  await printResult(outputFormat(opts), {
    document: { ok: true, tokens: body.items },
    table: () => body.items.map(row).join('\n'),
    names: () => body.items.map((token) => token.id),
  });
}

export async function revokeThroughApi(id: string, opts: OutputOptions): Promise<void> {
  const { body } = await (await client()).request<TokenBody>({ method: 'DELETE', path: `/v1/tokens/${id}` });
  await printResult(outputFormat(opts), {
    document: { ok: true, id, revoked: true, token: body },
    table: () => `revoked ${id}`,
    names: () => [id],
  });
}
