import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { API_CONFIG_ENV } from '../../../api/config.js';
import { DEPLOY_CONFIG_ENV } from '../../../deploy/config.js';
import { GATEWAY_SETTINGS_ENV } from '../../../gateway/settings.js';
import {
  GITHUB_API_SETTINGS_ENV,
  GITHUB_WORKER_SETTINGS_ENV,
} from '../../../integrations/github/settings.js';
import { TRACING_SETTINGS_ENV } from '../../../telemetry/tracing.js';
import { CODEC_KEY_ENV } from '../../../temporal/codec-key.js';
import { TEMPORAL_CONFIG_ENV } from '../../../temporal/config.js';
import { WORKFLOW_BUNDLE_ENV } from '../../../temporal/worker.js';
import { WORKER_SETTINGS_ENV } from '../../../worker/settings.js';

/** Every variable the product's settings schemas read. */
const CODE_VARIABLES = new Set([
  ...Object.values(API_CONFIG_ENV),
  ...Object.values(TEMPORAL_CONFIG_ENV),
  ...Object.values(CODEC_KEY_ENV),
  ...Object.values(DEPLOY_CONFIG_ENV),
  ...Object.values(WORKER_SETTINGS_ENV),
  ...Object.values(GATEWAY_SETTINGS_ENV),
  ...Object.values(GITHUB_API_SETTINGS_ENV),
  ...Object.values(GITHUB_WORKER_SETTINGS_ENV),
  WORKFLOW_BUNDLE_ENV,
  ...TRACING_SETTINGS_ENV,
  'KUBECONFIG',
]);

describe("the README's settings table", () => {
  it('names every variable the product reads, and no other', async () => {
    const readme = await readFile(new URL('../../../README.md', import.meta.url), 'utf8');
    const section = readme.split('\n## Settings\n')[1]!.split('\n## ')[0]!;
    const tableRows = section.split('\n').filter((line) => line.startsWith('| `'));
    const documented = new Set(
      tableRows.flatMap((row) => [...row.split('|')[1]!.matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((m) => m[1]!)),
    );
    expect([...documented].sort()).toEqual([...CODE_VARIABLES].sort());
  });
});
