import { describe, expect, it } from 'vitest';
import { IMAGE_SPECS } from '../../../../local/images/catalog.js';
import { aptSources } from '../../../../local/images/debian-rootfs.js';
import { debianSuiteOf, definitionHash, placeholderScript } from '../../../../local/images/image-builder.js';
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

describe('the Debian release of an image', () => {
  const mirror = 'http://deb.debian.org/debian';
  const noFiles = { before: [], files: [] };
  const byId = (id: string) => IMAGE_SPECS.find((spec) => spec.id === id);

  it('keeps the cache keys the bookworm images had before the release became a choice', () => {
    // Computed with the builder before the change: an unchanged key means no rebuild of the examples' images.
    expect(definitionHash({ spec: byId('base')!, parentTag: undefined, staged: noFiles, mirror })).toBe(
      '7b3477d19e7f36a942a14910d880468973f3298434340198c0b9b965d5106737',
    );
    expect(
      definitionHash({ spec: byId('node')!, parentTag: 'base-0123456789abcdef', staged: noFiles, mirror }),
    ).toBe('617fd54667b0cda54049a54781a874ebe88862e3216297b4edbebb242315041f');
  });

  it('keys a base by its release; naming the default release changes nothing', () => {
    const base = (suite?: 'bookworm' | 'trixie'): ImageSpec => ({
      id: 'base',
      description: 'base',
      layer: { kind: 'debootstrap', ...(suite ? { suite } : {}) },
    });
    const key = (spec: ImageSpec) => definitionHash({ spec, parentTag: undefined, staged: noFiles, mirror });
    expect(key(base('bookworm'))).toBe(key(base()));
    expect(key(base('trixie'))).not.toBe(key(base()));
  });

  it('is the release of the debootstrapped base an image stands on', () => {
    const specs: ImageSpec[] = [
      { id: 'old', description: '', layer: { kind: 'debootstrap' } },
      { id: 'new', description: '', layer: { kind: 'debootstrap', suite: 'trixie' } },
      { id: 'tools', description: '', parent: 'new', layer: { kind: 'apt', packages: ['nodejs'] } },
      { id: 'app', description: '', parent: 'tools', layer: { kind: 'files', files: async () => [] } },
      { id: 'legacy', description: '', parent: 'old', layer: { kind: 'apt', packages: ['redis-server'] } },
      { id: 'scratch', description: '', layer: { kind: 'files', files: async () => [] } },
    ];
    const find = (id: string) => specs.find((spec) => spec.id === id);
    expect(debianSuiteOf(find('app')!, find)).toBe('trixie');
    expect(debianSuiteOf(find('legacy')!, find)).toBe('bookworm');
    expect(() => debianSuiteOf(find('scratch')!, find)).toThrow('stands on no debootstrapped base');
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

  it("names another release's archives, e.g. trixie's", () => {
    expect(aptSources('http://deb.debian.org/debian', 'trixie').trim().split('\n')).toEqual([
      'deb http://deb.debian.org/debian trixie main',
      'deb http://deb.debian.org/debian trixie-updates main',
      'deb http://deb.debian.org/debian-security trixie-security main',
    ]);
  });
});
