import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { resolveStackConfig } from '../../../../local/stack/config.js';
import { registryConfig, registryLayout } from '../../../../local/stack/registry.js';

describe('the registry part', () => {
  it('listens on loopback at the registry port, shifted like every other port, with storage in the state dir', () => {
    const config = resolveStackConfig({
      MICROSTAX_STATE_DIR: '/tmp/state',
      MICROSTAX_STACK_PORT_OFFSET: '100',
    });
    expect(registryLayout(config)).toEqual({
      address: '127.0.0.1:15100',
      storageDir: '/tmp/state/registry/storage',
      configFile: '/tmp/state/registry/config.yml',
    });
  });

  it('writes a distribution config the registry reads as YAML', () => {
    const parsed = parse(registryConfig({ address: '127.0.0.1:15000', storageDir: '/data' }));
    expect(parsed).toMatchObject({
      version: 0.1,
      http: { addr: '127.0.0.1:15000' },
      storage: { filesystem: { rootdirectory: '/data' }, delete: { enabled: true } },
    });
  });
});
