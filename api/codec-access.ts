import type { Payload } from '@temporalio/common';

/**
 * Which teams a decrypted workflow payload belongs to, read from what it says: a `team` or `teamId`
 * field, or an `environmentId` (whose team the caller resolves). The codec server decodes a payload
 * for a member only when it names their team; one that names none stays encrypted for everyone but
 * admins, since nothing shows whose it is.
 */
export interface PayloadOwners {
  teams: Set<string>;
  environmentIds: Set<string>;
}

const textDecoder = new TextDecoder();
const MAX_DEPTH = 6;

/** The owners a decoded payload names; empty for payloads that are not JSON. */
export function payloadOwners(payload: Payload): PayloadOwners {
  const owners: PayloadOwners = { teams: new Set(), environmentIds: new Set() };
  const encoding = payload.metadata?.encoding ? textDecoder.decode(payload.metadata.encoding) : '';
  if (encoding !== 'json/plain' || !payload.data) return owners;
  let value: unknown;
  try {
    value = JSON.parse(textDecoder.decode(payload.data));
  } catch {
    return owners;
  }
  collect(value, owners, 0);
  return owners;
}

function collect(value: unknown, owners: PayloadOwners, depth: number): void {
  if (depth > MAX_DEPTH || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value) collect(item, owners, depth + 1);
    return;
  }
  for (const [key, child] of Object.entries(value)) {
    if (typeof child === 'string' && (key === 'team' || key === 'teamId')) owners.teams.add(child);
    else if (typeof child === 'string' && key === 'environmentId') owners.environmentIds.add(child);
    // Blueprints and services hold no ownership; skip their bulk.
    else if (key !== 'blueprint') collect(child, owners, depth + 1);
  }
}
