import { formatProblem } from '../blueprints/problems.js';
import { resolveBlueprintSource } from '../blueprints/resolve.js';
import type { LayeredPolicy } from '../planner/policy/document.js';
import { policyOverlays } from '../planner/policy/overlays.js';
import { latestPrewarmVersions } from '../store/blueprints.js';
import type { Queryable } from '../store/database.js';
import { policiesForTeam } from '../store/policies.js';
import type { PrewarmCatalog } from './ports.js';
import { bindPrewarmData } from './prewarm-data.js';

/**
 * The opted-in blueprints from the metadata database: each blueprint whose latest registered version
 * has `prewarm`, resolved with its team's policy overlays and no context, as a create of that team
 * resolves it, so the warm environments it makes match that team's creates (same digest).
 */
export function postgresPrewarmCatalog(db: Queryable): PrewarmCatalog {
  return {
    async optedIn({ teams }) {
      const versions = await latestPrewarmVersions(db, { teamIds: teams });
      const policies = new Map<string, LayeredPolicy[]>();
      const pools: Awaited<ReturnType<PrewarmCatalog['optedIn']>>['pools'] = [];
      const skipped: Awaited<ReturnType<PrewarmCatalog['optedIn']>>['skipped'] = [];
      for (const version of versions) {
        let teamPolicies = policies.get(version.teamId);
        if (!teamPolicies) {
          teamPolicies = await policiesForTeam(db, version.teamId);
          policies.set(version.teamId, teamPolicies);
        }
        const resolved = await resolveBlueprintSource({
          source: version.source,
          fileName: version.fileName,
          scripts: version.scripts,
          overlays: policyOverlays(teamPolicies, version.teamId),
        });
        if (!resolved.ok) {
          const [first] = resolved.problems;
          skipped.push({
            team: version.teamId,
            blueprint: version.name,
            reason: `version ${version.version} no longer resolves: ${first ? formatProblem(first) : 'invalid'}`,
          });
          continue;
        }
        // Warm environments hold the team's data as its creates would: snapshot steps and prewarm.snapshot bound.
        const bound = await bindPrewarmData({ db, teamId: version.teamId, blueprint: resolved.blueprint });
        if (!bound.ok) {
          skipped.push({
            team: version.teamId,
            blueprint: version.name,
            reason: `version ${version.version}: ${bound.reason}`,
          });
          continue;
        }
        // The bounds the version was registered with; the resolved ones (overlays cannot set them) agree.
        const bounds = version.prewarm!;
        pools.push({
          team: version.teamId,
          blueprint: bound.blueprint,
          min: bounds.min,
          max: bounds.max,
          ...(bound.fromSnapshot ? { fromSnapshot: bound.fromSnapshot } : {}),
        });
      }
      return { pools, skipped };
    },
  };
}
