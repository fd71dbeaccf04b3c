import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { environmentIdFor, shortId } from '../../../api/environment-ids.js';

const DNS_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

describe('environment ids', () => {
  it('derives the same id from the same team and idempotency key, and different ids otherwise', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), (team, key) => {
        const id = environmentIdFor({ teamId: team, idempotencyKey: key });
        expect(id).toBe(environmentIdFor({ teamId: team, idempotencyKey: key }));
        expect(id).not.toBe(environmentIdFor({ teamId: `${team}x`, idempotencyKey: key }));
        expect(id).toMatch(DNS_LABEL);
      }),
    );
  });

  it('makes random DNS-label ids without a key', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => environmentIdFor({ teamId: 't' })));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(DNS_LABEL);
    expect(shortId('h')).toMatch(/^h[0-9a-f]{12}$/);
  });
});
