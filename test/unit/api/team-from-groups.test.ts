import { describe, expect, it } from 'vitest';
import { payloadOwners } from '../../../api/codec-access.js';
import { membershipFromGroups } from '../../../api/team-from-groups.js';

describe('membershipFromGroups', () => {
  it('takes the first group that is a team id; the admin group makes an admin', () => {
    expect(membershipFromGroups(['team-a'], 'microstax-admins')).toEqual({
      teamId: 'team-a',
      role: 'member',
    });
    expect(membershipFromGroups(['microstax-admins', 'Not A Team', 'platform'], 'microstax-admins')).toEqual({
      teamId: 'platform',
      role: 'admin',
    });
  });

  it('refuses someone in no team, naming the groups it saw', () => {
    expect(() => membershipFromGroups([], 'microstax-admins')).toThrow(/no groups/);
    expect(() => membershipFromGroups(['Engineering', 'microstax-admins'], 'microstax-admins')).toThrow(
      /"Engineering", "microstax-admins"/,
    );
  });
});

describe('payloadOwners', () => {
  const json = (value: unknown) => ({
    metadata: { encoding: new TextEncoder().encode('json/plain') },
    data: new TextEncoder().encode(JSON.stringify(value)),
  });

  it('finds team and environment ids, nested, but not inside blueprints', () => {
    const owners = payloadOwners(
      json([
        {
          environmentId: 'e1',
          team: 'payments',
          blueprint: { team: 'ignored' },
          baseline: { environmentId: 'e0' },
        },
      ]),
    );
    expect([...owners.teams]).toEqual(['payments']);
    expect([...owners.environmentIds].sort()).toEqual(['e0', 'e1']);
  });

  it('names nobody for payloads that are not JSON', () => {
    const owners = payloadOwners({
      metadata: { encoding: new TextEncoder().encode('binary/plain') },
      data: new Uint8Array([1]),
    });
    expect(owners.teams.size + owners.environmentIds.size).toBe(0);
    expect(payloadOwners({ ...json(1), data: new TextEncoder().encode('{not json') }).teams.size).toBe(0);
  });
});
