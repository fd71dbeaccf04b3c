import { describe, expect, it } from 'vitest';
import { layerCounts, setBy } from '../../../dashboard/src/provenance.js';

const provenance = {
  'services.api': 'shop.yaml:3',
  'services.api.image': 'shop.yaml:4',
  'services.api.env': 'shop.yaml:6',
  'services.api.env.DEBUG': 'shop.yaml:7',
  'services.api.env.LOG_LEVEL': 'team-payments-policy-v2.yaml:4',
  ttl: 'company-policy-v1.yaml:2',
};

describe('provenance as the blueprint page shows it', () => {
  it("names a setting's file and line, and the values inside it another layer set", () => {
    expect(setBy(provenance, 'services.api.image')).toBe('shop.yaml:4');
    expect(setBy(provenance, 'services.api.env')).toBe(
      'shop.yaml:6; LOG_LEVEL from team-payments-policy-v2.yaml:4',
    );
    expect(setBy(provenance, 'services.api.replicas')).toBe('default');
  });

  it('counts the values each layer set, in the order they first appear', () => {
    expect(layerCounts(provenance)).toEqual([
      ['shop.yaml', 4],
      ['team-payments-policy-v2.yaml', 1],
      ['company-policy-v1.yaml', 1],
    ]);
  });
});
