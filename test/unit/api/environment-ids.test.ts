import { describe, expect, it } from 'vitest';
import { newEnvironmentId, shortId } from '../../../api/environment-ids.js';

const DNS_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

describe('environment ids', () => {
  it('are random DNS labels of 80 bits, never derived from the request', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => newEnvironmentId()));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^e[0-9a-f]{20}$/);
    for (const id of ids) expect(id).toMatch(DNS_LABEL);
    expect(shortId('h')).toMatch(/^h[0-9a-f]{12}$/);
  });
});
