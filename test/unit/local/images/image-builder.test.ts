import { describe, expect, it } from 'vitest';
import { aptSources } from '../../../../local/images/debian-rootfs.js';
import { definitionHash, placeholderScript } from '../../../../local/images/image-builder.js';
import type { ImageSpec } from '../../../../local/images/image-spec.js';

const spec: ImageSpec = {
  id: 'redis',
  description: 'test',
  parent: 'base',
  layer: { kind: 'apt', packages: ['redis-server'], script: 'mkdir -p /data' },
  config: { cmd: ['redis-server'] },
};
const staged = {
  before: [],
  files: [{ path: '/usr/local/bin/entry.sh', content: '#!/bin/sh\n', mode: 0o755 }],
};
const hash = (overrides: Partial<Parameters<typeof definitionHash>[0]> = {}) =>
  definitionHash({
    spec,
    parentTag: 'base-0123456789abcdef',
    staged,
    mirror: 'http://deb.debian.org/debian',
    ...overrides,
  });

describe('definitionHash (the cache key)', () => {
  it('is stable for the same definition', () => {
    expect(hash()).toBe(hash());
  });

  it('changes with the parent, the packages, the script, a file, a mode or the config', () => {
    const variants = [
      hash({ parentTag: 'base-fedcba9876543210' }),
      hash({ spec: { ...spec, layer: { kind: 'apt', packages: ['redis-server', 'redis-tools'] } } }),
      hash({ spec: { ...spec, layer: { kind: 'apt', packages: ['redis-server'], script: 'true' } } }),
      hash({ staged: { before: [], files: [{ ...staged.files[0]!, content: '#!/bin/sh\nexit 0\n' }] } }),
      hash({ staged: { before: [], files: [{ ...staged.files[0]!, mode: 0o700 }] } }),
      hash({ spec: { ...spec, config: { cmd: ['redis-server', '--appendonly', 'yes'] } } }),
      hash({
        spec: {
          ...spec,
          layer: {
            kind: 'apt',
            packages: ['redis-server'],
            script: 'mkdir -p /data',
            placeholders: [{ name: 'libfoo1', version: '9', why: 'unused' }],
          },
        },
      }),
    ];
    expect(new Set([hash(), ...variants]).size).toBe(variants.length + 1);
  });

  it('depends on the mirror only for the debootstrapped base', () => {
    expect(hash({ mirror: 'http://mirror.example/debian' })).toBe(hash());
    const base: ImageSpec = { id: 'base', description: 'base', layer: { kind: 'debootstrap' } };
    const baseHash = (mirror: string) =>
      definitionHash({ spec: base, parentTag: undefined, staged: { before: [], files: [] }, mirror });
    expect(baseHash('http://mirror.example/debian')).not.toBe(baseHash('http://deb.debian.org/debian'));
  });
});

describe('placeholderScript', () => {
  it('builds and installs an empty package of that name and version, and holds it', () => {
    const script = placeholderScript({
      name: 'libllvm14',
      version: '1:14.0.6-99microstax1',
      why: "the JIT's LLVM is left out",
    });
    expect(script).toContain('Package: libllvm14\nVersion: 1:14.0.6-99microstax1\n');
    expect(script).toContain(`Description: placeholder: the JIT'"'"'s LLVM is left out`);
    expect(script).toMatch(
      /dpkg-deb --build \/tmp\/placeholder-libllvm14 .*\ndpkg -i .*\napt-mark hold libllvm14\n/,
    );
  });
});

describe('aptSources', () => {
  it('lists the release, its updates and the security archive of the same host', () => {
    expect(aptSources('http://deb.debian.org/debian').trim().split('\n')).toEqual([
      'deb http://deb.debian.org/debian bookworm main',
      'deb http://deb.debian.org/debian bookworm-updates main',
      'deb http://deb.debian.org/debian-security bookworm-security main',
    ]);
  });
});
