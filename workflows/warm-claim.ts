import { type EnvironmentOutcome, type EnvironmentStatus, WARM_POOL_OWNER } from './contracts.js';

/** What a claimer asks of a warm environment (the claimWarm update's request). */
export interface WarmClaimAsk {
  team: string;
  /** Only a warm environment made from this blueprint digest. */
  blueprintDigest?: string;
  /** Only one made for `team` itself, not the shared pool's. */
  sameTeamOnly?: boolean;
}

/**
 * Why a warm environment refuses a claim, or undefined when it accepts: it must be warm and free, of the
 * claimer's digest (when asked) and open to the claimer's team (its own, or the shared pool's). Checked
 * by the warm workflow's validator, so a claimer needs no query before its update.
 */
export function claimRefusal(params: {
  status: EnvironmentStatus;
  ask: WarmClaimAsk;
  /** Already claimed, or a teardown was requested. */
  taken: boolean;
}): string | undefined {
  const { status, ask } = params;
  if (status.phase !== 'warm' || params.taken) {
    return `environment ${status.environmentId} is not warm and free (phase ${status.phase})`;
  }
  if (ask.blueprintDigest !== undefined && ask.blueprintDigest !== status.blueprintDigest) {
    return `environment ${status.environmentId} is made from another blueprint version`;
  }
  const open = status.team === ask.team || (!ask.sameTeamOnly && status.team === WARM_POOL_OWNER);
  if (!open) return `environment ${status.environmentId} is not open to team ${ask.team}`;
  return undefined;
}

/**
 * Whether an environment whose workflow completed with `outcome` still owns its namespace: a deleted one
 * never; a claimed warm one while its claimer is live (the claimer's teardown removes the namespace, so
 * a claimer that ended without removing it left an orphan). An outcome recorded before `claimedBy`
 * existed names no claimer and stays live, as it always did.
 */
export async function claimedOutcomeLive(
  outcome: EnvironmentOutcome,
  claimerLive: (claimerId: string) => boolean | Promise<boolean>,
): Promise<boolean> {
  if (outcome.phase !== 'claimed') return false;
  if (outcome.claimedBy === undefined) return true;
  return claimerLive(outcome.claimedBy);
}
