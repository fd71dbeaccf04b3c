import type { CoreV1Event, V1Deployment, V1Job, V1Pod, V1StatefulSet } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import {
  assessService,
  type ClusterSnapshot,
  nextUnschedulableDeadline,
  VOLUME_BINDING_GRACE_MS,
} from '../../../deploy/readiness.js';
import type { WorkloadExpectation } from '../../../deploy/types.js';

const NOW = Date.parse('2026-01-01T12:00:00Z');
const api: WorkloadExpectation = {
  service: 'api',
  kind: 'Deployment',
  name: 'api',
  replicas: 2,
  initJobs: [],
};
const db: WorkloadExpectation = {
  service: 'db',
  kind: 'StatefulSet',
  name: 'db',
  replicas: 1,
  initJobs: ['db-init-1234abcd'],
};

function snapshot(parts: Partial<ClusterSnapshot>): ClusterSnapshot {
  return { deployments: [], statefulSets: [], pods: [], jobs: [], events: [], ...parts };
}

function deployment(ready: number, extra: Partial<V1Deployment['status']> = {}): V1Deployment {
  return {
    metadata: { name: 'api', generation: 1 },
    spec: { replicas: 2, selector: {}, template: {} },
    status: { observedGeneration: 1, readyReplicas: ready, updatedReplicas: ready, ...extra },
  };
}

function statefulSet(ready: number): V1StatefulSet {
  return {
    metadata: { name: 'db', generation: 1 },
    spec: { selector: {}, serviceName: 'db', template: {} },
    status: { observedGeneration: 1, readyReplicas: ready, updatedReplicas: ready, replicas: 1 },
  };
}

function pod(service: string, status: V1Pod['status'], labels: Record<string, string> = {}): V1Pod {
  return {
    metadata: { name: `${service}-x1`, labels: { 'app.kubernetes.io/name': service, ...labels } },
    status,
  };
}

/** An api pod whose one container waits with this reason and message. */
function waitingPod(reason: string, message: string): V1Pod {
  return pod('api', {
    phase: 'Pending',
    containerStatuses: [
      {
        name: 'api',
        image: 'x',
        imageID: '',
        ready: false,
        restartCount: 0,
        state: { waiting: { reason, message } },
      },
    ],
  });
}

function assess(exp: WorkloadExpectation, snap: ClusterSnapshot, graceMs = 5_000) {
  return assessService({ expectation: exp, snapshot: snap, now: NOW, unschedulableGraceMs: graceMs });
}

const UNBOUND_CLAIM = '0/12 nodes are available: pod has unbound immediate PersistentVolumeClaims. not found';

/** A pod the scheduler has refused since `since`, with its message. */
const unschedulablePod = (name: string, message: string, since: Date) =>
  pod(name, {
    phase: 'Pending',
    conditions: [
      { type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message, lastTransitionTime: since },
    ],
  });

describe('assessService', () => {
  it('waits for the workload, then its pods, then reports ready', () => {
    expect(assess(api, snapshot({})).phase).toBe('pending');
    const starting = assess(
      api,
      snapshot({ deployments: [deployment(1)], pods: [pod('api', { phase: 'Running' })] }),
    );
    expect(starting).toMatchObject({ phase: 'starting', readyReplicas: 1, replicas: 2 });
    expect(assess(api, snapshot({ deployments: [deployment(2)] }))).toMatchObject({
      phase: 'ready',
      readyReplicas: 2,
    });
  });

  it('is not ready while the controller has not seen the latest generation', () => {
    const stale = deployment(2, { observedGeneration: 0 });
    expect(assess(api, snapshot({ deployments: [stale] })).phase).not.toBe('ready');
  });

  it('names an image pull failure', () => {
    const p = waitingPod('ImagePullBackOff', 'Back-off pulling image "ghcr.io/acme/nope"');
    const result = assess(api, snapshot({ deployments: [deployment(0)], pods: [p] }));
    expect(result.phase).toBe('failed');
    expect(result.failure).toMatchObject({ service: 'api', cause: 'image-pull', reason: 'ImagePullBackOff' });
    expect(result.failure?.message).toContain('ghcr.io/acme/nope');
  });

  it('names a crash loop with the last exit code', () => {
    const p = pod('api', {
      phase: 'Running',
      containerStatuses: [
        {
          name: 'api',
          image: 'x',
          imageID: '',
          ready: false,
          restartCount: 4,
          state: {
            waiting: { reason: 'CrashLoopBackOff', message: 'back-off 40s restarting failed container' },
          },
          lastState: { terminated: { exitCode: 137, reason: 'OOMKilled' } },
        },
      ],
    });
    const result = assess(api, snapshot({ deployments: [deployment(0)], pods: [p] }));
    expect(result.failure).toMatchObject({ cause: 'crash-loop', reason: 'CrashLoopBackOff' });
    expect(result.failure?.message).toContain('last exit code 137, OOMKilled');
  });

  it('waits through a config error the kubelet retries (its secret cache timing out), names a lasting one', () => {
    const waitingWith = (message: string) => waitingPod('CreateContainerConfigError', message);
    const busy = waitingWith('failed to sync secret cache: timed out waiting for the condition');
    expect(assess(api, snapshot({ deployments: [deployment(0)], pods: [busy] })).phase).toBe('starting');
    const missing = waitingWith('secret "api-env" not found');
    expect(assess(api, snapshot({ deployments: [deployment(0)], pods: [missing] })).failure).toMatchObject({
      cause: 'container-failed',
      reason: 'CreateContainerConfigError',
      message: 'secret "api-env" not found',
    });
  });

  it('names an unschedulable pod with the scheduler message, after the grace period only', () => {
    const since = new Date(NOW - 2_000);
    const p = unschedulablePod('api', '0/6 nodes are available: 6 Insufficient cpu.', since);
    const snap = snapshot({ deployments: [deployment(0)], pods: [p] });
    expect(assess(api, snap, 5_000).phase).toBe('starting');
    expect(nextUnschedulableDeadline(snap, 5_000)).toBe(since.getTime() + 5_000);
    const failed = assess(api, snap, 1_000);
    expect(failed.failure).toMatchObject({
      service: 'api',
      cause: 'unschedulable',
      message: '0/6 nodes are available: 6 Insufficient cpu.',
    });
  });

  it('gives a pod waiting for its volume to be provisioned longer before it counts as unschedulable', () => {
    const since = new Date(NOW - 30_000);
    const p = unschedulablePod('api', UNBOUND_CLAIM, since);
    const snap = snapshot({ deployments: [deployment(0)], pods: [p] });
    expect(assess(api, snap, 5_000).phase).toBe('starting');
    expect(nextUnschedulableDeadline(snap, 5_000)).toBe(since.getTime() + VOLUME_BINDING_GRACE_MS);
  });

  it('keeps waiting on an unbound claim until its provisioning fails, then names the claim', () => {
    const since = new Date(NOW - 2 * VOLUME_BINDING_GRACE_MS);
    const p = unschedulablePod('db', UNBOUND_CLAIM, since);
    p.spec = {
      containers: [],
      volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data-db-0' } }],
    };
    const waiting = snapshot({ statefulSets: [statefulSet(0)], pods: [p] });
    // The controller retries its own conflicts: no event, no failure (the ready timeout bounds the wait).
    expect(assess(db, waiting).phase).toBe('starting');
    const failedEvent: CoreV1Event = {
      metadata: { name: 'e2' },
      involvedObject: { kind: 'PersistentVolumeClaim', name: 'data-db-0' },
      reason: 'ProvisioningFailed',
      type: 'Warning',
      message: 'storageclass.storage.k8s.io "fast" not found',
    };
    const otherClaim: CoreV1Event = {
      ...failedEvent,
      involvedObject: { kind: 'PersistentVolumeClaim', name: 'x' },
    };
    expect(assess(db, { ...waiting, events: [otherClaim] }).phase).toBe('starting');
    expect(assess(db, { ...waiting, events: [failedEvent] }).failure).toMatchObject({
      cause: 'unschedulable',
      reason: 'ProvisioningFailed',
      message: 'claim data-db-0: storageclass.storage.k8s.io "fast" not found',
    });
  });

  it('names a quota refusal from the ReplicaSet events', () => {
    const event: CoreV1Event = {
      metadata: { name: 'e1' },
      involvedObject: { kind: 'ReplicaSet', name: 'api-7d9c5b' },
      reason: 'FailedCreate',
      message:
        'pods "api-7d9c5b-x" is forbidden: exceeded quota: microstax-quota, requested: pods=1, used: pods=2, limited: pods=2',
    };
    const other: CoreV1Event = { ...event, involvedObject: { kind: 'ReplicaSet', name: 'api-gateway-55f' } };
    const result = assess(api, snapshot({ deployments: [deployment(0)], events: [event] }));
    expect(result.failure).toMatchObject({ cause: 'quota-exceeded', reason: 'QuotaExceeded' });
    // Another service whose name starts with "api-" is not this one.
    expect(assess(api, snapshot({ deployments: [deployment(0)], events: [other] })).phase).not.toBe('failed');
    // Once ready, an old refusal no longer counts.
    expect(assess(api, snapshot({ deployments: [deployment(2)], events: [event] })).phase).toBe('ready');
  });

  it('waits for init Jobs after the workload is ready, and names a failed one with its container exit', () => {
    const running: V1Job = { metadata: { name: 'db-init-1234abcd' }, status: { active: 1 } };
    expect(assess(db, snapshot({ statefulSets: [statefulSet(1)], jobs: [running] }))).toMatchObject({
      phase: 'initializing',
    });
    const complete: V1Job = {
      metadata: { name: 'db-init-1234abcd' },
      status: { conditions: [{ type: 'Complete', status: 'True' }] },
    };
    expect(assess(db, snapshot({ statefulSets: [statefulSet(1)], jobs: [complete] })).phase).toBe('ready');
    // The Job's pod succeeded: done, before the Job controller has written Complete.
    const succeededPod = pod('db-init', { phase: 'Succeeded' }, { 'job-name': 'db-init-1234abcd' });
    const otherJobsPod = pod('x-init', { phase: 'Succeeded' }, { 'job-name': 'x-init-1234abcd' });
    expect(
      assess(db, snapshot({ statefulSets: [statefulSet(1)], jobs: [running], pods: [succeededPod] })).phase,
    ).toBe('ready');
    expect(
      assess(db, snapshot({ statefulSets: [statefulSet(1)], jobs: [running], pods: [otherJobsPod] })).phase,
    ).toBe('initializing');
    const failedJob: V1Job = {
      metadata: { name: 'db-init-1234abcd' },
      status: {
        conditions: [
          {
            type: 'Failed',
            status: 'True',
            reason: 'BackoffLimitExceeded',
            message: 'Job has reached the specified backoff limit',
          },
        ],
      },
    };
    const jobPod = pod(
      'db-init',
      {
        phase: 'Failed',
        containerStatuses: [
          {
            name: 'sql',
            image: 'postgres',
            imageID: '',
            ready: false,
            restartCount: 0,
            state: {
              terminated: { exitCode: 3, reason: 'Error', message: 'ERROR: syntax error at or near "CREAT"' },
            },
          },
        ],
      },
      { 'job-name': 'db-init-1234abcd', 'microstax.dev/role': 'init' },
    );
    const result = assess(
      db,
      snapshot({ statefulSets: [statefulSet(1)], jobs: [failedJob], pods: [jobPod] }),
    );
    expect(result.failure).toMatchObject({
      service: 'db',
      cause: 'init-job-failed',
      reason: 'BackoffLimitExceeded',
    });
    expect(result.failure?.message).toContain('exited with code 3');
    expect(result.failure?.message).toContain('syntax error');
  });

  it('names the failed init step, its image, exit code and the container to read the log of', () => {
    const failedJob: V1Job = {
      metadata: { name: 'db-init-1234abcd' },
      status: { conditions: [{ type: 'Failed', status: 'True', reason: 'BackoffLimitExceeded' }] },
    };
    const jobPod = pod(
      'db-init',
      {
        phase: 'Failed',
        initContainerStatuses: [
          {
            name: 'wait',
            image: 'postgres',
            imageID: '',
            ready: true,
            restartCount: 0,
            state: { terminated: { exitCode: 0 } },
          },
          {
            name: 'step-1-migrate',
            image: 'ghcr.io/acme/migrate:1',
            imageID: '',
            ready: false,
            restartCount: 0,
            state: { terminated: { exitCode: 7, reason: 'Error' } },
          },
        ],
      },
      { 'job-name': 'db-init-1234abcd', 'microstax.dev/role': 'init' },
    );
    const result = assess(
      db,
      snapshot({ statefulSets: [statefulSet(1)], jobs: [failedJob], pods: [jobPod] }),
    );
    expect(result.failure).toMatchObject({
      cause: 'init-job-failed',
      logsFrom: { pod: 'db-init-x1', container: 'step-1-migrate' },
    });
    expect(result.failure?.message).toContain(
      'init step 1 (step-1-migrate) (image ghcr.io/acme/migrate:1) exited with code 7',
    );
  });

  it('fails at once when an init step image cannot be pulled, naming the image (no wait for the deadline)', () => {
    const running: V1Job = { metadata: { name: 'db-init-1234abcd' }, status: { active: 1 } };
    const jobPod = pod(
      'db-init',
      {
        phase: 'Pending',
        initContainerStatuses: [
          {
            name: 'step-1-migrate',
            image: 'ghcr.io/acme/nope:1',
            imageID: '',
            ready: false,
            restartCount: 0,
            state: { waiting: { reason: 'ErrImagePull', message: 'not found' } },
          },
        ],
      },
      { 'job-name': 'db-init-1234abcd', 'microstax.dev/role': 'init' },
    );
    const result = assess(db, snapshot({ statefulSets: [statefulSet(1)], jobs: [running], pods: [jobPod] }));
    expect(result.phase).toBe('failed');
    expect(result.failure).toMatchObject({ cause: 'image-pull', reason: 'ErrImagePull' });
    expect(result.failure?.message).toContain(
      'init step 1 (step-1-migrate): image "ghcr.io/acme/nope:1" cannot be pulled',
    );
  });
});
