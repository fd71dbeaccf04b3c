import type { V1Pod } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { podView } from '../../../api/environment-pods.js';
import { LABELS } from '../../../deploy/labels.js';

const pod = (over: { job?: boolean; phase?: string; ready?: boolean; restarts?: number[] }): V1Pod => ({
  metadata: {
    name: 'db-7c9d',
    labels: { [LABELS.service]: 'db' },
    creationTimestamp: new Date('2026-12-07T03:00:00Z'),
    ownerReferences: over.job ? [{ kind: 'Job', name: 'db-init-1', apiVersion: 'batch/v1', uid: 'u' }] : [],
  },
  spec: { nodeName: 'kwok-node-0', containers: [{ name: 'db' }] },
  status: {
    phase: over.phase ?? 'Running',
    conditions: [{ type: 'Ready', status: over.ready ? 'True' : 'False' }],
    initContainerStatuses: over.job
      ? [{ name: 'wait', image: 'x', imageID: '', ready: false, restartCount: over.restarts?.[1] ?? 0 }]
      : [],
    containerStatuses: [
      { name: 'db', image: 'x', imageID: '', ready: true, restartCount: over.restarts?.[0] ?? 0 },
    ],
  },
});

describe('podView', () => {
  it('summarises a service pod: phase, ready, restarts over every container, node, age', () => {
    expect(podView(pod({ ready: true, restarts: [2] }))).toEqual({
      service: 'db',
      name: 'db-7c9d',
      role: 'service',
      phase: 'Running',
      ready: true,
      restarts: 2,
      node: 'kwok-node-0',
      createdAt: '2026-12-07T03:00:00.000Z',
    });
  });

  it("gives an init step pod its result from the pod's phase", () => {
    expect(podView(pod({ job: true, phase: 'Succeeded', restarts: [0, 1] }))).toMatchObject({
      role: 'init',
      result: 'done',
      restarts: 1,
    });
    expect(podView(pod({ job: true, phase: 'Failed' })).result).toBe('failed');
    expect(podView(pod({ job: true, phase: 'Pending' })).result).toBe('running');
    expect(podView(pod({ job: true, phase: 'Running' })).result).toBe('running');
  });

  it('reports an unscheduled pod with no node', () => {
    const unscheduled = pod({ phase: 'Pending' });
    delete unscheduled.spec!.nodeName;
    expect(podView(unscheduled)).toMatchObject({ node: null, ready: false, phase: 'Pending' });
  });
});
