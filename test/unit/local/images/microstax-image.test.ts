import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  IMAGE_SPECS,
  ON_REQUEST_IMAGES,
  PUBLISHED_IMAGES,
  selectSpecs,
} from '../../../../local/images/index.js';
import { fitsTarget, pruneOtherPlatforms } from '../../../../local/images/microstax-image.js';
import manifest from '../../../../package.json' with { type: 'json' };

describe('the MicroStax image in the catalog', () => {
  it("is published as ghcr.io/microstax/microstax:<package.json's version>, only on request", () => {
    expect(ON_REQUEST_IMAGES).toEqual([
      {
        reference: `ghcr.io/microstax/microstax:${manifest.version}`,
        imageId: 'microstax',
        registry: 'ghcr.io',
        repository: 'microstax/microstax',
        tag: manifest.version,
      },
    ]);
    expect(PUBLISHED_IMAGES.map((image) => image.imageId)).not.toContain('microstax');
  });

  it('is never built by stack up (no --only), and is when asked for by id', () => {
    expect(selectSpecs(undefined).map((spec) => spec.id)).not.toContain('microstax');
    expect(selectSpecs(['microstax']).map((spec) => spec.id)).toEqual(['microstax']);
    expect(() => selectSpecs(['microstack'])).toThrow('unknown image id(s): microstack');
  });

  it('stands on Debian trixie with nodejs, the PostgreSQL client and CA certificates', () => {
    const byId = (id: string) => IMAGE_SPECS.find((spec) => spec.id === id)!;
    const runtime = byId(byId('microstax').parent!);
    expect(runtime.layer).toEqual({
      kind: 'apt',
      packages: ['nodejs', 'postgresql-client', 'ca-certificates'],
      versionLabelOf: 'nodejs',
    });
    expect(byId(runtime.parent!).layer).toEqual({ kind: 'debootstrap', suite: 'trixie' });
    expect(byId('microstax').config).toMatchObject({
      entrypoint: ['node', '/app/dist/bin/microstax.js'],
      user: '65532:65532',
      workingDir: '/app',
      labels: { 'org.opencontainers.image.version': manifest.version },
    });
  });
});

describe('native binaries of other platforms', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("admits packages for linux, x64 and glibc by npm's os, cpu and libc fields", () => {
    expect(fitsTarget({})).toBe(true);
    expect(fitsTarget({ os: ['linux'], cpu: ['x64'], libc: ['glibc'] })).toBe(true);
    expect(fitsTarget({ os: ['!win32'] })).toBe(true);
    expect(fitsTarget({ os: ['darwin'] })).toBe(false);
    expect(fitsTarget({ os: ['linux'], cpu: ['arm64'] })).toBe(false);
    expect(fitsTarget({ os: ['linux'], cpu: ['x64'], libc: ['musl'] })).toBe(false);
    expect(fitsTarget({ cpu: ['!x64'] })).toBe(false);
  });

  it("keeps only Temporal's linux x64 core bridge and packages that fit the target", async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'microstax-prune-'));
    const releases = path.join(dir, '@temporalio/core-bridge/releases');
    for (const target of ['x86_64-unknown-linux-gnu', 'aarch64-apple-darwin', 'x86_64-pc-windows-msvc']) {
      await mkdir(path.join(releases, target), { recursive: true });
      await writeFile(path.join(releases, target, 'index.node'), '');
    }
    await writeFile(path.join(dir, '@temporalio/core-bridge/package.json'), '{}');
    const pkg = async (name: string, fields: object) => {
      await mkdir(path.join(dir!, name), { recursive: true });
      await writeFile(path.join(dir!, name, 'package.json'), JSON.stringify({ name, ...fields }));
    };
    await pkg('@swc/core-linux-x64-gnu', { os: ['linux'], cpu: ['x64'], libc: ['glibc'] });
    await pkg('@swc/core-linux-x64-musl', { os: ['linux'], cpu: ['x64'], libc: ['musl'] });
    await pkg('zod', {});

    expect((await pruneOtherPlatforms(dir)).sort()).toEqual([
      '@swc/core-linux-x64-musl',
      '@temporalio/core-bridge/releases/aarch64-apple-darwin',
      '@temporalio/core-bridge/releases/x86_64-pc-windows-msvc',
    ]);
    expect(await readdir(releases)).toEqual(['x86_64-unknown-linux-gnu']);
    expect((await readdir(path.join(dir, '@swc'))).sort()).toEqual(['core-linux-x64-gnu']);
  });
});
