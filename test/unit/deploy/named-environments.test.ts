import type { KubernetesObject, V1Ingress, V1Namespace } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { deployConfig } from '../../../deploy/config.js';
import { LABELS, namespaceUserLabels } from '../../../deploy/labels.js';
import { renderEnvironment } from '../../../deploy/manifests/render.js';
import type { EnvironmentIdentity } from '../../../deploy/types.js';
import { checkoutDev } from './fixtures.js';

const config = deployConfig({ baseDomain: 'dev.acme.test' });

function render(environment: Partial<EnvironmentIdentity> = {}) {
  return renderEnvironment({
    environment: { id: 'e0123456789ab', owner: 'ana', team: 'payments', ...environment },
    blueprint: checkoutDev(),
    config,
    volumeProvisioning: 'dynamic',
  });
}

const ofKind = <T>(objects: KubernetesObject[], kind: string) =>
  objects.filter((o) => o.kind === kind) as T[];

describe('named environments and labels in the rendered objects', () => {
  it('an unnamed environment keeps its id host only', () => {
    const rendered = render();
    expect(rendered.urls.api).toEqual(['http://api.e0123456789ab.dev.acme.test']);
  });

  it('a named one answers at <service>.<name>.<team>.<base> first, and at its id host still', () => {
    const rendered = render({ name: 'pr-42' });
    expect(rendered.urls.api).toEqual([
      'http://api.pr-42.payments.dev.acme.test',
      'http://api.e0123456789ab.dev.acme.test',
    ]);
    const [ingress] = ofKind<V1Ingress>(rendered.objects, 'Ingress');
    expect(ingress!.spec!.rules!.map((r) => r.host)).toEqual([
      'api.pr-42.payments.dev.acme.test',
      'api.e0123456789ab.dev.acme.test',
    ]);
  });

  it('puts the name and the labels Kubernetes allows on the namespace', () => {
    const rendered = render({
      name: 'pr-42',
      labels: { pr: '42', 'example.com/team': 'x', [`k${'x'.repeat(60)}`]: 'too-long-a-key' },
    });
    const [namespace] = ofKind<V1Namespace>(rendered.objects, 'Namespace');
    const labels = namespace!.metadata!.labels!;
    expect(labels[LABELS.environmentName]).toBe('pr-42');
    expect(labels['microstax.dev/label-pr']).toBe('42');
    expect(Object.keys(labels).filter((k) => k.startsWith('microstax.dev/label-'))).toEqual([
      'microstax.dev/label-pr',
    ]);
  });

  it('copies only unprefixed keys that fit a label name under the prefix', () => {
    expect(
      namespaceUserLabels({ a: '1', 'x.io/b': '2', [`${'c'.repeat(57)}`]: '3', [`${'d'.repeat(58)}`]: '4' }),
    ).toEqual({
      'microstax.dev/label-a': '1',
      [`microstax.dev/label-${'c'.repeat(57)}`]: '3',
    });
  });

  it('renders the same objects for the same input (a re-apply changes nothing)', () => {
    const input = { name: 'pr-42', labels: { pr: '42' } };
    expect(render(input).objects).toEqual(render(input).objects);
  });
});
