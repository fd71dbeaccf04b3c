import { ApplicationFailure, condition, setHandler } from '@temporalio/workflow';
import { quick } from './activity-proxies.js';
import {
  LifecycleErrorType,
  revokeShareSignal,
  type ShareEnvironmentInput,
  type ShareStatus,
  shareStatusQuery,
} from './contracts.js';
import { parseDuration } from './duration.js';

/**
 * An expiring, revocable share of an environment's URLs. Expiry is a durable timer: it fires on time
 * across worker and server restarts.
 */
export async function shareEnvironment(input: ShareEnvironmentInput): Promise<ShareStatus> {
  const ttlMs = parseDuration(input.ttl);
  if (ttlMs === undefined) {
    throw ApplicationFailure.create({
      type: LifecycleErrorType.InvalidInput,
      nonRetryable: true,
      message: `ttl: "${input.ttl}" is not a duration such as 30m, 4h or 7d`,
    });
  }
  const share: ShareStatus = {
    shareId: input.shareId,
    environmentId: input.environmentId,
    grantee: input.grantee,
    state: 'active',
    expiresAt: new Date(Date.now() + ttlMs).toISOString(),
  };
  let revoked = false;
  setHandler(shareStatusQuery, () => share);
  setHandler(revokeShareSignal, () => {
    revoked = true;
  });
  await quick.recordShare(share);
  await condition(() => revoked, ttlMs);
  share.state = revoked ? 'revoked' : 'expired';
  await quick.recordShare(share);
  return share;
}
