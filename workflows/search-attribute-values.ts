import type { SearchAttributePair } from '@temporalio/common';
import type { CreateEnvironmentInput, EnvironmentPhase } from './contracts.js';
import { BlueprintKey, EnvironmentIdKey, OwnerKey, PhaseKey, TeamKey } from './search-attributes.js';

/** The search attributes an environment workflow starts with; the workflow keeps Phase current. */
export function initialSearchAttributes(
  input: Pick<CreateEnvironmentInput, 'environmentId' | 'blueprint' | 'owner' | 'team'>,
): SearchAttributePair[] {
  return [
    { key: EnvironmentIdKey, value: input.environmentId },
    { key: BlueprintKey, value: input.blueprint.name },
    { key: OwnerKey, value: input.owner },
    { key: TeamKey, value: input.team },
    { key: PhaseKey, value: 'pending' satisfies EnvironmentPhase },
  ];
}
