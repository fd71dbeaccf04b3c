import { stringify } from 'yaml';

/** Kubeconfig files for the local cluster: credentials embedded, so each file stands alone. */

export const KUBECONFIG_CONTEXT = 'microstax-local';

export interface KubeconfigInput {
  /** https://127.0.0.1:<port> */
  server: string;
  /** The user name shown by `kubectl config view`. */
  user: string;
  caPem: string;
  certPem: string;
  keyPem: string;
}

const base64 = (pem: string) => Buffer.from(pem).toString('base64');

/** Renders a kubeconfig (YAML) for one client identity. */
export function renderKubeconfig(input: KubeconfigInput): string {
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [
      {
        name: KUBECONFIG_CONTEXT,
        cluster: { server: input.server, 'certificate-authority-data': base64(input.caPem) },
      },
    ],
    users: [
      {
        name: input.user,
        user: { 'client-certificate-data': base64(input.certPem), 'client-key-data': base64(input.keyPem) },
      },
    ],
    contexts: [{ name: KUBECONFIG_CONTEXT, context: { cluster: KUBECONFIG_CONTEXT, user: input.user } }],
    'current-context': KUBECONFIG_CONTEXT,
    preferences: {},
  });
}
