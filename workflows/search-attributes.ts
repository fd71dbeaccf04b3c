import { defineSearchAttributeKey } from '@temporalio/common';

/**
 * Search attributes operators filter on in the Temporal UI. The local stack registers exactly these
 * (see stack/), and workflows keep them current.
 */
export const EnvironmentIdKey = defineSearchAttributeKey('EnvironmentId', 'KEYWORD');
export const BlueprintKey = defineSearchAttributeKey('Blueprint', 'KEYWORD');
export const OwnerKey = defineSearchAttributeKey('Owner', 'KEYWORD');
export const TeamKey = defineSearchAttributeKey('Team', 'KEYWORD');
export const PhaseKey = defineSearchAttributeKey('Phase', 'KEYWORD');

export const SEARCH_ATTRIBUTE_KEYS = [EnvironmentIdKey, BlueprintKey, OwnerKey, TeamKey, PhaseKey];
