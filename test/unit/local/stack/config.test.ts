import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  candidatePortOffsets,
  DEFAULT_PORTS,
  REPO_ROOT,
  resolveStackConfig,
  shiftedPorts,
} from '../../../../local/stack/config.js';

describe('resolveStackConfig', () => {
  it('defaults to <repo>/.microstax/stack and ~/.cache/microstax/bin', () => {
    const config = resolveStackConfig({ HOME: '/home/dev' });
    expect(config.stateDir).toBe(path.join(REPO_ROOT, '.microstax', 'stack'));
    expect(config.stateFile).toBe(path.join(REPO_ROOT, '.microstax', 'stack', 'stack.json'));
    expect(config.binDir).toMatch(/\.cache\/microstax\/bin$/);
    expect(config.ports).toEqual(DEFAULT_PORTS);
    expect(config.externalDatabaseUrl).toBeUndefined();
    expect(config.externalKubeconfig).toBeUndefined();
  });

  it('honours the state dir, cache dir and external parts from the environment', () => {
    const config = resolveStackConfig({
      MICROSTAX_STATE_DIR: '/tmp/state',
      MICROSTAX_CACHE_DIR: '/tmp/cache',
      DATABASE_URL: 'postgres://db/x',
      KUBECONFIG: '/k/config',
    });
    expect(config.stateDir).toBe('/tmp/state');
    expect(config.binDir).toBe('/tmp/cache/bin');
    expect(config.externalDatabaseUrl).toBe('postgres://db/x');
    expect(config.externalKubeconfig).toBe('/k/config');
  });

  it('never uses the default ports of the servers it runs', () => {
    const ports = Object.values(DEFAULT_PORTS);
    for (const taken of [5432, 7233, 8233, 6443, 2379, 2380, 10257, 10259, 8080]) {
      expect(ports).not.toContain(taken);
    }
    expect(new Set(ports).size).toBe(ports.length);
  });

  it('shifts every port by MICROSTAX_STACK_PORT_OFFSET', () => {
    const { ports } = resolveStackConfig({ MICROSTAX_STACK_PORT_OFFSET: '3000' });
    for (const [name, port] of Object.entries(DEFAULT_PORTS)) {
      expect(ports[name as keyof typeof ports]).toBe(port + 3000);
    }
  });

  it.each(['-1', 'abc', '1.5', '60000'])(
    'rejects the port offset %s with a message naming the variable',
    (raw) => {
      expect(() => resolveStackConfig({ MICROSTAX_STACK_PORT_OFFSET: raw })).toThrow(
        /MICROSTAX_STACK_PORT_OFFSET/,
      );
    },
  );
});

describe('candidatePortOffsets', () => {
  it('starts with 0 and never shifts a port onto another default port', () => {
    const offsets = candidatePortOffsets();
    expect(offsets[0]).toBe(0);
    expect(offsets.length).toBe(12);
    const defaults = new Set<number>(Object.values(DEFAULT_PORTS));
    for (const offset of offsets.slice(1)) {
      for (const port of Object.values(shiftedPorts(offset)))
        expect(defaults.has(port), `${offset}`).toBe(false);
    }
  });
});
