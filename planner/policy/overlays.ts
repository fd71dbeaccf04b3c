import type { LayeredPolicy } from './document.js';

/** The overlays the policies store, company first, named after their layer and version (provenance). */
export function policyOverlays(
  policies: readonly LayeredPolicy[],
  teamId: string,
): { source: string; fileName: string }[] {
  return policies.flatMap((policy) =>
    policy.document.overlay
      ? [
          {
            source: policy.document.overlay,
            fileName: `${policy.layer === 'company' ? 'company' : `team-${teamId}`}-policy-v${policy.version}.yaml`,
          },
        ]
      : [],
  );
}
