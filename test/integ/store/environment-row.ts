import type { Pool } from 'pg';
import { blueprintDigest } from '../../../activities/create-activities.js';
import type { ResolvedBlueprint } from '../../../blueprints/resolved.js';
import { registerBlueprintVersion } from '../../../store/blueprints.js';
import { insertEnvironment } from '../../../store/environments.js';
import { ensureTeam } from '../../../store/teams.js';
import { upsertUser } from '../../../store/users.js';
import { workflowIds } from '../../../workflows/contracts.js';

/**
 * The row the API writes when it accepts a create (team "payments", owner "ada" unless named, the
 * blueprint registered), for tests that start the workflow or the status sync themselves.
 */
export async function insertEnvironmentRow(
  db: Pool,
  params: {
    id: string;
    blueprint: ResolvedBlueprint;
    phase: string;
    requestDigest: string;
    team?: string;
    owner?: string;
  },
): Promise<void> {
  const team = await ensureTeam(db, { id: params.team ?? 'payments' });
  const user = await upsertUser(db, { name: params.owner ?? 'ada', teamId: team.id, role: 'member' });
  const { version } = await registerBlueprintVersion(db, {
    teamId: team.id,
    name: params.blueprint.name,
    fileName: `${params.blueprint.name}.yaml`,
    source: `name: ${params.blueprint.name}`,
    scripts: {},
    resolvedDigest: blueprintDigest(params.blueprint),
    serviceCount: params.blueprint.services.length,
    createdBy: user.id,
  });
  await insertEnvironment(db, {
    id: params.id,
    teamId: team.id,
    ownerId: user.id,
    blueprintVersionId: version.id,
    phase: params.phase,
    parentId: null,
    baselineId: null,
    ttlSeconds: null,
    expiresAt: null,
    plan: null,
    costPerHour: null,
    workflowId: workflowIds.environment(params.id),
    idempotencyKey: null,
    requestDigest: params.requestDigest,
    overlays: [],
    context: {},
  });
}
