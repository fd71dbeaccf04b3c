import { describe, expect, it } from 'vitest';
import { DEFAULT_PORTS } from '../../../../local/stack/config.js';
import { hostServiceRules } from '../../../../local/stack/node/host-network.js';
import { POD_NETWORK_HBA_LINE } from '../../../../local/stack/postgres.js';

describe("the pods' way to the stack's own servers", () => {
  it('sends the kubernetes Service to the API server and the bridge address to Postgres, Temporal and the object store', () => {
    const rules = hostServiceRules(DEFAULT_PORTS).map((rule) => rule.join(' '));
    expect(rules).toEqual([
      `-d 10.96.0.1/32 -p tcp --dport 443 -j DNAT --to-destination 127.0.0.1:${DEFAULT_PORTS.kubeApiserver}`,
      `-d 10.88.0.1/32 -p tcp --dport ${DEFAULT_PORTS.postgres} -j DNAT --to-destination 127.0.0.1:${DEFAULT_PORTS.postgres}`,
      `-d 10.88.0.1/32 -p tcp --dport ${DEFAULT_PORTS.temporal} -j DNAT --to-destination 127.0.0.1:${DEFAULT_PORTS.temporal}`,
      `-d 10.88.0.1/32 -p tcp --dport ${DEFAULT_PORTS.objectStore} -j DNAT --to-destination 127.0.0.1:${DEFAULT_PORTS.objectStore}`,
    ]);
  });

  it('admits the pod network to Postgres with a password only', () => {
    expect(POD_NETWORK_HBA_LINE).toBe('host all all 10.88.0.0/16 scram-sha-256');
  });
});
