import { describe, expect, it } from 'vitest';
import {
  IMAGE_SPECS,
  MIRRORED_REGISTRIES,
  PUBLISHED_IMAGES,
  parseImageReference,
} from '../../../../local/images/index.js';

describe('the image catalog', () => {
  it('gives every image a known parent and no cycle', () => {
    const ids = new Set(IMAGE_SPECS.map((spec) => spec.id));
    expect(ids.size).toBe(IMAGE_SPECS.length);
    for (const spec of IMAGE_SPECS) {
      const seen = new Set<string>();
      let current: string | undefined = spec.id;
      while (current) {
        expect(seen.has(current), `cycle through ${current}`).toBe(false);
        seen.add(current);
        current = IMAGE_SPECS.find((candidate) => candidate.id === current)?.parent;
        if (current) expect(ids.has(current), `${spec.id}: unknown parent ${current}`).toBe(true);
      }
    }
  });

  it('publishes the names the examples use, each once, keeping the repository path', () => {
    const references = PUBLISHED_IMAGES.map((image) => image.reference);
    expect(new Set(references).size).toBe(references.length);
    expect(references).toEqual(
      expect.arrayContaining([
        'registry.k8s.io/pause:3.10',
        'docker.io/library/postgres:16-alpine',
        'docker.io/library/redis:7-alpine',
        'ghcr.io/acme/checkout-api:latest',
        'ghcr.io/acme/checkout-api:1.0',
        'ghcr.io/acme/checkout-api:2.0',
        'ghcr.io/microstax/hello:1',
        'ghcr.io/microstax/hello:2',
      ]),
    );
    const postgres = PUBLISHED_IMAGES.find((image) => image.reference.includes('postgres'))!;
    expect(postgres).toMatchObject({
      registry: 'docker.io',
      repository: 'library/postgres',
      tag: '16-alpine',
    });
  });

  it('builds checkout-api latest and 1.0 from one definition, 2.0 from another', () => {
    const idOf = (reference: string) =>
      PUBLISHED_IMAGES.find((image) => image.reference === reference)?.imageId;
    expect(idOf('ghcr.io/acme/checkout-api:latest')).toBe(idOf('ghcr.io/acme/checkout-api:1.0'));
    expect(idOf('ghcr.io/acme/checkout-api:2.0')).not.toBe(idOf('ghcr.io/acme/checkout-api:1.0'));
  });
});

describe('parseImageReference', () => {
  it('splits a mirrored reference', () => {
    expect(parseImageReference('ghcr.io/acme/checkout-api:2.0')).toEqual({
      registry: 'ghcr.io',
      repository: 'acme/checkout-api',
      tag: '2.0',
    });
  });

  it('refuses registries the local registry does not mirror, and missing tags', () => {
    expect(() => parseImageReference('quay.io/acme/x:1')).toThrow(MIRRORED_REGISTRIES.join(', '));
    expect(() => parseImageReference('docker.io/library/postgres')).toThrow(/<registry>\/<repository>:<tag>/);
  });
});
