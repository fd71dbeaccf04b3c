import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CliError } from '../../../cli/cli-error.js';
import { clientSettings, readCliConfig, writeCliConfig } from '../../../cli/contexts.js';

describe('contexts', () => {
  let dir: string;
  let file: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'microstax-contexts-'));
    file = path.join(dir, 'microstax', 'config.json');
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const write = () =>
    writeCliConfig(
      {
        current: 'dev',
        contexts: {
          dev: { url: 'http://127.0.0.1:18080', token: 'msx_dev' },
          prod: { url: 'https://microstax.example.com', tokenEnv: 'PROD_TOKEN' },
        },
      },
      file,
    );

  it('switches servers: the current context, MICROSTAX_CONTEXT, and MICROSTAX_URL/TOKEN over both', async () => {
    await write();
    const env = { XDG_CONFIG_HOME: dir, PROD_TOKEN: 'msx_prod' };
    expect(await clientSettings(env)).toEqual({ url: 'http://127.0.0.1:18080', token: 'msx_dev' });
    expect(await clientSettings({ ...env, MICROSTAX_CONTEXT: 'prod' })).toEqual({
      url: 'https://microstax.example.com',
      token: 'msx_prod',
    });
    expect(
      await clientSettings({
        ...env,
        MICROSTAX_CONTEXT: 'prod',
        MICROSTAX_URL: 'http://x:1',
        MICROSTAX_TOKEN: 't',
      }),
    ).toEqual({ url: 'http://x:1', token: 't' });
    await expect(clientSettings({ ...env, MICROSTAX_CONTEXT: 'staging' })).rejects.toThrow(
      `no context "staging" in ${file} (known: dev, prod)`,
    );
  });

  it('keeps the file private to its owner and still reads the older {url, token} form', async () => {
    await write();
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    await writeFile(file, JSON.stringify({ url: 'http://old:1', token: 'msx_old' }));
    expect(await clientSettings({ XDG_CONFIG_HOME: dir })).toEqual({ url: 'http://old:1', token: 'msx_old' });
    expect(await readCliConfig(path.join(dir, 'none.json'))).toEqual({ contexts: {} });
  });

  it('refuses a malformed file in one line that names the file and what to do', async () => {
    await write();
    for (const [text, what] of [
      ['{"contexts": ', 'not JSON'],
      ['[]', 'not a JSON object'],
      ['{"contexts": {"dev": {"token": "x"}}}', 'context "dev" has no "url"'],
      ['{"current": 3}', '"current" must be a string'],
    ] as const) {
      await writeFile(file, text);
      const error = await readCliConfig(file).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CliError);
      expect((error as CliError).message).toContain(`${file} is malformed: ${what}`);
      expect((error as CliError).message).not.toContain('\n');
      expect((error as CliError).hint).toContain('microstax context add');
    }
  });
});
