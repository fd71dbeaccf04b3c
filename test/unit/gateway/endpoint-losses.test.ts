import type { V1EndpointSlice } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { trackEndpointLosses } from '../../../gateway/endpoint-losses.js';

/** An EndpointSlice of Service `api` in msx-a with these endpoints (address → ready). */
function slice(endpoints: Record<string, boolean | undefined>, ports?: number[]): V1EndpointSlice {
  const service = 'api';
  return {
    ...(ports && { ports: ports.map((port) => ({ port })) }),
    addressType: 'IPv4',
    metadata: {
      name: `${service}-x1`,
      namespace: 'msx-a',
      labels: { 'kubernetes.io/service-name': service },
    },
    endpoints: Object.entries(endpoints).map(([address, ready]) => ({
      addresses: [address],
      conditions: ready === undefined ? {} : { ready },
    })),
  };
}

function tracked() {
  const losses: string[] = [];
  const onEvent = trackEndpointLosses(({ namespace, name }) => losses.push(`${namespace}/${name}`));
  return { losses, onEvent };
}

describe('trackEndpointLosses', () => {
  it('says nothing when endpoints are only added (a first list, a new pod)', () => {
    const { losses, onEvent } = tracked();
    onEvent('add', slice({ '10.0.0.1': true }));
    onEvent('update', slice({ '10.0.0.1': true, '10.0.0.2': undefined }));
    expect(losses).toEqual([]);
  });

  it("names the Service when a ready endpoint stops being ready (an updated Deployment's old pod)", () => {
    const { losses, onEvent } = tracked();
    onEvent('add', slice({ '10.0.0.1': true, '10.0.0.2': true }));
    onEvent('update', slice({ '10.0.0.1': false, '10.0.0.2': true }));
    expect(losses).toEqual(['msx-a/api']);
  });

  it('names the Service when an endpoint leaves and another stays ready', () => {
    const { losses, onEvent } = tracked();
    onEvent('add', slice({ '10.0.0.1': true, '10.0.0.2': true }));
    onEvent('update', slice({ '10.0.0.2': true }));
    expect(losses).toEqual(['msx-a/api']);
  });

  it('says nothing when the last ready endpoint goes (asleep, crashed) or the slice is deleted', () => {
    const { losses, onEvent } = tracked();
    onEvent('add', slice({ '10.0.0.1': true }));
    onEvent('update', slice({ '10.0.0.1': false }));
    onEvent('update', slice({ '10.0.0.1': true }));
    onEvent('delete', slice({ '10.0.0.1': true }));
    expect(losses).toEqual([]);
  });

  it('names the Service when its target port changes', () => {
    const { losses, onEvent } = tracked();
    onEvent('add', slice({ '10.0.0.1': true }, [8080]));
    onEvent('update', slice({ '10.0.0.1': true }, [8081]));
    expect(losses).toEqual(['msx-a/api']);
  });

  it('names the addresses that left, whose connections must move', () => {
    const lost: string[][] = [];
    const onEvent = trackEndpointLosses((loss) => lost.push(loss.lost));
    onEvent('add', slice({ '10.0.0.1': true, '10.0.0.2': true, '10.0.0.3': true }, [8080]));
    onEvent('update', slice({ '10.0.0.1': false, '10.0.0.3': true }, [8080]));
    expect(lost).toEqual([['10.0.0.1', '10.0.0.2']]);
  });

  it('ignores slices that name no Service', () => {
    const { losses, onEvent } = tracked();
    const orphan = slice({ '10.0.0.1': true });
    delete orphan.metadata?.labels;
    onEvent('add', orphan);
    onEvent('delete', orphan);
    expect(losses).toEqual([]);
  });
});
