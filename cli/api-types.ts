/**
 * The API's response bodies as the CLI reads them: inferred from the routes' own zod schemas, so a
 * field the API renames breaks the CLI's typecheck instead of its output. Types only: nothing loads.
 */
import type { z } from 'zod';
import type * as auth from '../api/schemas/auth.js';
import type * as environments from '../api/schemas/environments.js';
import type * as policies from '../api/schemas/policies.js';
import type * as snapshots from '../api/schemas/snapshots.js';

export type EnvironmentBody = z.infer<typeof environments.EnvironmentView>;
export type EnvironmentListBody = z.infer<typeof environments.EnvironmentList>;
export type ExtendBody = z.infer<typeof environments.ExtendResponse>;
export type TeardownBody = z.infer<typeof environments.TeardownResponse>;
export type WorkflowsStartedBody = z.infer<typeof environments.WorkflowsStarted>;
export type CostReportBody = z.infer<typeof environments.CostReport>;
export type SnapshotBody = z.infer<typeof snapshots.SnapshotView>;
export type ShareBody = z.infer<typeof snapshots.ShareView>;
export type CreatedShareBody = z.infer<typeof snapshots.CreatedShare>;
export type AuthConfigBody = z.infer<typeof auth.AuthConfig>;
export type WhoamiBody = z.infer<typeof auth.Whoami>;
export type TokenBody = z.infer<typeof auth.TokenView>;
export type TokenListBody = z.infer<typeof auth.TokenList>;
export type CreatedTokenBody = z.infer<typeof auth.CreatedToken>;
export type PolicyViewBody = z.infer<typeof policies.PolicyView>;
export type PolicyHistoryBody = z.infer<typeof policies.PolicyHistory>;
export type PolicyCheckBody = z.infer<typeof policies.PolicyCheckResult>;
