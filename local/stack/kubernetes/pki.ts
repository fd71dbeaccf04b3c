import { execFile } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { access, mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { StackError } from '../errors.js';

/**
 * The local cluster's certificates: one CA, the API server's serving certificate, and a client
 * certificate per identity (Kubernetes reads the user from CN and groups from O). Made with the
 * `openssl` CLI (node:crypto cannot sign X.509), once: existing files are kept across restarts.
 */

const run = promisify(execFile);

/** The service network; the API server's in-cluster address is its first IP. */
export const SERVICE_CLUSTER_IP_RANGE = '10.96.0.0/16';
export const KUBERNETES_SERVICE_IP = '10.96.0.1';

export interface CertificateSpec {
  /** File stem: `<name>.crt` and `<name>.key`. */
  name: string;
  commonName: string;
  /** Kubernetes groups (certificate O fields). */
  organizations: string[];
  usage: 'server' | 'client';
  dnsNames: string[];
  ipAddresses: string[];
}

/** The client identities; each gets a certificate and a kubeconfig. */
export const CLIENT_IDENTITIES = {
  /** The stack's and the user's kubeconfig: cluster admin. */
  admin: { commonName: 'microstax-admin', organizations: ['system:masters'] },
  'kube-controller-manager': { commonName: 'system:kube-controller-manager', organizations: [] },
  'kube-scheduler': { commonName: 'system:kube-scheduler', organizations: [] },
  /** kwok updates node and pod status of every simulated node. */
  kwok: { commonName: 'microstax-kwok', organizations: ['system:masters'] },
  /** The real node's kubelet (`stack up --real-nodes`): the Node authorizer scopes it to its node. */
  node: { commonName: 'system:node:msx-node-1', organizations: ['system:nodes'] },
  /** kube-proxy, bound to the built-in system:node-proxier role. */
  'kube-proxy': { commonName: 'system:kube-proxy', organizations: [] },
  /** kube-network-policies on the real node: reads policies, pods and namespaces (its ClusterRole). */
  'kube-network-policies': { commonName: 'microstax:kube-network-policies', organizations: [] },
  /** The API server's identity towards kubelets (logs, exec, port-forward). */
  'apiserver-kubelet-client': {
    commonName: 'kube-apiserver-kubelet-client',
    organizations: ['system:masters'],
  },
} as const;

export type ClientIdentity = keyof typeof CLIENT_IDENTITIES;

/** Every certificate the cluster needs (pure: what to make, not making it). */
export function certificatePlan(): CertificateSpec[] {
  const server: CertificateSpec = {
    name: 'kube-apiserver',
    commonName: 'kube-apiserver',
    organizations: [],
    usage: 'server',
    dnsNames: [
      'localhost',
      'kubernetes',
      'kubernetes.default',
      'kubernetes.default.svc',
      'kubernetes.default.svc.cluster.local',
    ],
    ipAddresses: ['127.0.0.1', KUBERNETES_SERVICE_IP],
  };
  const clients = Object.entries(CLIENT_IDENTITIES).map(
    ([name, identity]): CertificateSpec => ({
      name,
      commonName: identity.commonName,
      organizations: [...identity.organizations],
      usage: 'client',
      dnsNames: [],
      ipAddresses: [],
    }),
  );
  return [server, ...clients];
}

/** The `-subj` argument for a certificate, e.g. `/O=system:masters/CN=microstax-admin`. */
export function subjectOf(spec: Pick<CertificateSpec, 'commonName' | 'organizations'>): string {
  return [...spec.organizations.map((org) => `/O=${org}`), `/CN=${spec.commonName}`].join('');
}

/** The X.509 v3 extensions (an openssl extfile) for a certificate. */
export function extensionsOf(spec: CertificateSpec): string {
  const lines = [
    'basicConstraints=critical,CA:FALSE',
    'keyUsage=critical,digitalSignature,keyEncipherment',
    `extendedKeyUsage=${spec.usage === 'server' ? 'serverAuth' : 'clientAuth'}`,
  ];
  const names = [...spec.dnsNames.map((dns) => `DNS:${dns}`), ...spec.ipAddresses.map((ip) => `IP:${ip}`)];
  if (names.length > 0) lines.push(`subjectAltName=${names.join(',')}`);
  return `${lines.join('\n')}\n`;
}

/** Paths of the PKI files in a directory. */
export function pkiPaths(dir: string) {
  return {
    dir,
    caCert: path.join(dir, 'ca.crt'),
    caKey: path.join(dir, 'ca.key'),
    serviceAccountKey: path.join(dir, 'service-account.key'),
    serviceAccountPub: path.join(dir, 'service-account.pub'),
    cert: (name: string) => path.join(dir, `${name}.crt`),
    key: (name: string) => path.join(dir, `${name}.key`),
  };
}

export type PkiPaths = ReturnType<typeof pkiPaths>;

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

async function openssl(args: string[]): Promise<void> {
  try {
    await run('openssl', args);
  } catch (error) {
    throw new StackError('part-failed', `openssl ${args[0]} failed: ${String(error)}`, {
      part: 'kubernetes',
      fix: 'install openssl (`apt-get install openssl`)',
    });
  }
}

const EC_KEY = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
const TEN_YEARS = '3650';

/** Creates the CA, the certificates and the service-account key pair that are missing. */
export async function ensurePki(dir: string): Promise<PkiPaths> {
  const paths = pkiPaths(dir);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  if (!(await exists(paths.caCert))) {
    await openssl([
      'req',
      '-x509',
      ...EC_KEY,
      '-keyout',
      paths.caKey,
      '-out',
      paths.caCert,
      '-days',
      TEN_YEARS,
      '-subj',
      '/CN=microstax-local-ca',
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign,digitalSignature',
    ]);
  }
  for (const spec of certificatePlan()) {
    if (await exists(paths.cert(spec.name))) continue;
    const csr = path.join(dir, `${spec.name}.csr`);
    const extfile = path.join(dir, `${spec.name}.ext`);
    await writeFile(extfile, extensionsOf(spec));
    await openssl([
      'req',
      '-new',
      ...EC_KEY,
      '-keyout',
      paths.key(spec.name),
      '-out',
      csr,
      '-subj',
      subjectOf(spec),
    ]);
    await openssl([
      'x509',
      '-req',
      '-in',
      csr,
      '-CA',
      paths.caCert,
      '-CAkey',
      paths.caKey,
      '-CAcreateserial',
      '-out',
      paths.cert(spec.name),
      '-days',
      TEN_YEARS,
      '-extfile',
      extfile,
    ]);
    await rm(csr, { force: true });
    await rm(extfile, { force: true });
  }
  if (!(await exists(paths.serviceAccountKey))) {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    });
    await writeFile(paths.serviceAccountKey, privateKey, { mode: 0o600 });
    await writeFile(paths.serviceAccountPub, publicKey);
  }
  return paths;
}
