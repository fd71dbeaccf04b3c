import { describe, expect, it } from 'vitest';
import { planUpdate } from '../../../planner/update/plan-update.js';
import { checkoutDev, service } from '../deploy/fixtures.js';

describe('planUpdate: an apply against what runs now', () => {
  it('nothing changed: every service unchanged, plan unchanged', () => {
    const plan = planUpdate({ current: checkoutDev(), next: checkoutDev() });
    expect(plan.unchanged).toBe(true);
    expect(plan.summary).toEqual({ added: 0, changed: 0, unchanged: 3, removed: 0 });
  });

  it('one image changed: only that service, with the old and new image as the reason', () => {
    const next = checkoutDev();
    next.services[0] = { ...next.services[0]!, image: 'ghcr.io/acme/checkout-api:2.0' };
    const plan = planUpdate({ current: checkoutDev(), next });
    expect(plan.services.map((s) => [s.name, s.change])).toEqual([
      ['api', 'changed'],
      ['db', 'unchanged'],
      ['cache', 'unchanged'],
    ]);
    expect(plan.services[0]!.reasons[0]).toMatch(/^image changed: .* -> ghcr.io\/acme\/checkout-api:2.0$/);
    expect(plan.unchanged).toBe(false);
  });

  it('a secret env value changed is named but never shown', () => {
    const next = checkoutDev();
    next.services[1]!.env = next.services[1]!.env.map((v) =>
      v.name === 'POSTGRES_PASSWORD' ? { ...v, value: 'new-secret-value' } : v,
    );
    const plan = planUpdate({ current: checkoutDev(), next });
    const reasons = plan.services.find((s) => s.name === 'db')!.reasons.join(' ');
    expect(reasons).toContain('env.POSTGRES_PASSWORD');
    expect(reasons).not.toContain('new-secret-value');
    expect(reasons).not.toContain('s3cr3t');
  });

  it('added and removed services, and label changes', () => {
    const current = checkoutDev();
    const next = checkoutDev({
      services: [...current.services.filter((s) => s.name !== 'cache'), service({ name: 'worker' })],
    });
    const plan = planUpdate({
      current,
      next,
      currentLabels: { pr: '41', draft: '' },
      nextLabels: { pr: '42', sha: 'abc' },
    });
    expect(plan.services.map((s) => [s.name, s.change])).toEqual([
      ['api', 'unchanged'],
      ['db', 'unchanged'],
      ['worker', 'added'],
      ['cache', 'removed'],
    ]);
    expect(plan.labels).toEqual({ added: ['sha'], changed: ['pr'], removed: ['draft'] });
  });

  it('labels alone make it a change', () => {
    const plan = planUpdate({
      current: checkoutDev(),
      next: checkoutDev(),
      currentLabels: {},
      nextLabels: { a: 'b' },
    });
    expect(plan.unchanged).toBe(false);
  });
});
