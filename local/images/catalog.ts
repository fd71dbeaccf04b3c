import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { REPO_ROOT } from '../stack/config.js';
import { bundleApp } from './app-bundle.js';
import type { ImageSpec, StagedFile } from './image-spec.js';
import {
  MICROSTAX_APT_PACKAGES,
  MICROSTAX_IMAGE_CONFIG,
  MICROSTAX_VERSION,
  stageMicrostaxApp,
} from './microstax-image.js';
import { buildPauseBinary } from './pause-binary.js';

/**
 * Every image MicroStax builds, and the names it publishes them under. Nothing here is pulled from
 * the internet: the base is debootstrapped from Debian's mirror, the rest are Debian packages and
 * code of this repository. The names are those the blueprints use (a tag like `16-alpine` is only a
 * name here: the content is Debian's, and each image's labels say what it really holds).
 */

/** The images' sources in the checkout (also when this runs compiled from dist/). */
const IMAGES_DIR = path.join(REPO_ROOT, 'local', 'images');
const POSTGRES_MAJOR = '15';
const POSTGRES_BIN = `/usr/lib/postgresql/${POSTGRES_MAJOR}/bin`;
/** An initialised cluster in the postgres image, copied by its entrypoint (postgres/docker-entrypoint.sh). */
const PREPARED_PGDATA = '/usr/local/share/postgresql/prepared-data';
const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
const SOURCE_LABEL = { 'org.opencontainers.image.vendor': 'MicroStax (built locally from Debian packages)' };

async function repoFile(relative: string, to: string, mode = 0o644): Promise<StagedFile> {
  return { path: to, content: await readFile(path.join(IMAGES_DIR, relative)), mode };
}

/** The example app in one tag per version: the version is compiled into the bundle. */
function checkoutApi(version: string, publishAs: string[]): ImageSpec {
  return {
    id: `checkout-api-${version}`,
    description: `the checkout-api example app, version ${version} (TypeScript bundled with esbuild, Debian's nodejs)`,
    parent: 'node',
    layer: {
      kind: 'files',
      files: async () => [
        {
          path: '/app/checkout-api.js',
          content: await bundleApp({
            entry: path.join(IMAGES_DIR, 'checkout-api/src/main.ts'),
            define: { CHECKOUT_VERSION: version },
          }),
          mode: 0o644,
        },
      ],
    },
    config: {
      entrypoint: ['node', '/app/checkout-api.js'],
      cmd: [],
      env: ['PORT=8080', 'NODE_ENV=production'],
      exposedPorts: ['8080/tcp'],
      // Numeric, so a pod with runAsNonRoot can check it: Debian's nobody:nogroup.
      user: '65534:65534',
      workingDir: '/app',
      labels: {
        ...SOURCE_LABEL,
        'org.opencontainers.image.title': 'checkout-api',
        'org.opencontainers.image.version': version,
      },
    },
    publishAs,
  };
}

export const IMAGE_SPECS: readonly ImageSpec[] = [
  {
    id: 'base',
    description: 'Debian bookworm, debootstrap --variant=minbase, without docs, man pages or translations',
    layer: { kind: 'debootstrap' },
    config: { env: [`PATH=${DEFAULT_PATH}`, 'LANG=C.UTF-8'], cmd: ['/bin/sh'] },
  },
  {
    id: 'pause',
    description: "the pod sandbox: MicroStax's own static Go binary (images/pause), FROM scratch",
    layer: {
      kind: 'files',
      files: async () => [{ path: '/pause', content: await buildPauseBinary(), mode: 0o755 }],
    },
    config: {
      entrypoint: ['/pause'],
      user: '65535:65535',
      labels: { ...SOURCE_LABEL, 'org.opencontainers.image.title': 'pause' },
    },
    publishAs: ['registry.k8s.io/pause:3.10'],
  },
  {
    id: 'postgres',
    description: `Debian's PostgreSQL ${POSTGRES_MAJOR} server and client tools, with an official-image-style entrypoint`,
    parent: 'base',
    layer: {
      kind: 'apt',
      packages: [`postgresql-${POSTGRES_MAJOR}`, `postgresql-client-${POSTGRES_MAJOR}`],
      // Debian would create a `main` cluster at install time; the entrypoint makes its own at start.
      before: async () => [
        {
          path: '/etc/postgresql-common/createcluster.d/microstax.conf',
          content: 'create_main_cluster = false\n',
          mode: 0o644,
        },
      ],
      files: async () => [
        await repoFile('postgres/docker-entrypoint.sh', '/usr/local/bin/docker-entrypoint.sh', 0o755),
      ],
      // JIT needs LLVM (130 MB), a hard dependency of Debian's server: a placeholder stands in for it,
      // and without llvmjit.so the server runs without JIT (as it does for small queries anyway).
      placeholders: [
        {
          name: 'libllvm14',
          version: '1:14.0.6-99microstax1',
          why: "PostgreSQL's JIT (LLVM) is left out of this image",
        },
      ],
      script: [
        `rm -rf /usr/lib/postgresql/${POSTGRES_MAJOR}/lib/llvmjit* /usr/lib/postgresql/${POSTGRES_MAJOR}/lib/bitcode`,
        'mkdir -p /docker-entrypoint-initdb.d /var/lib/postgresql/data /var/run/postgresql',
        'chown postgres:postgres /var/lib/postgresql/data /var/run/postgresql',
        'chmod 700 /var/lib/postgresql/data && chmod 2775 /var/run/postgresql',
        // The cluster the entrypoint copies into an empty PGDATA instead of running initdb on every
        // first start: made as the entrypoint's initdb would (superuser postgres, no password),
        // readable by any uid the image may run as; pg_hba.conf is written at copy time.
        `mkdir -p ${PREPARED_PGDATA} && chown postgres:postgres ${PREPARED_PGDATA}`,
        `setpriv --reuid=postgres --regid=postgres --init-groups ${POSTGRES_BIN}/initdb -D ${PREPARED_PGDATA} --username=postgres --auth-local=trust --auth-host=trust --encoding=UTF8 --locale=C.UTF-8 --no-sync`,
        // Whatever the build's chroot offered initdb's probe, a pod has /dev/shm, as a pod's initdb finds.
        `sed -i 's/^dynamic_shared_memory_type = .*/dynamic_shared_memory_type = posix/' ${PREPARED_PGDATA}/postgresql.conf`,
        `rm -f ${PREPARED_PGDATA}/pg_hba.conf && chmod -R a+rX,go-w ${PREPARED_PGDATA}`,
      ].join('\n'),
      versionLabelOf: `postgresql-${POSTGRES_MAJOR}`,
    },
    config: {
      entrypoint: ['docker-entrypoint.sh'],
      cmd: ['postgres'],
      env: [
        `PATH=${POSTGRES_BIN}:${DEFAULT_PATH}`,
        'PGDATA=/var/lib/postgresql/data',
        `PREPARED_PGDATA=${PREPARED_PGDATA}`,
      ],
      exposedPorts: ['5432/tcp'],
      stopSignal: 'SIGINT',
      labels: { ...SOURCE_LABEL, 'org.opencontainers.image.title': `Debian PostgreSQL ${POSTGRES_MAJOR}` },
    },
    publishAs: ['docker.io/library/postgres:16-alpine'],
  },
  {
    id: 'redis',
    description: "Debian's redis-server on 0.0.0.0:6379, protected mode off",
    parent: 'base',
    layer: {
      kind: 'apt',
      packages: ['redis-server'],
      files: async () => [
        await repoFile('redis/docker-entrypoint.sh', '/usr/local/bin/docker-entrypoint.sh', 0o755),
      ],
      script: 'mkdir -p /data && chown redis:redis /data',
      versionLabelOf: 'redis-server',
    },
    config: {
      entrypoint: ['docker-entrypoint.sh'],
      cmd: ['redis-server'],
      exposedPorts: ['6379/tcp'],
      workingDir: '/data',
      labels: { ...SOURCE_LABEL, 'org.opencontainers.image.title': 'Debian Redis' },
    },
    publishAs: ['docker.io/library/redis:7-alpine'],
  },
  {
    id: 'node',
    description: "Debian's nodejs, the runtime of the app images",
    parent: 'base',
    layer: { kind: 'apt', packages: ['nodejs'], versionLabelOf: 'nodejs' },
    config: { labels: { ...SOURCE_LABEL, 'org.opencontainers.image.title': 'Debian Node.js' } },
  },
  checkoutApi('1.0', ['ghcr.io/acme/checkout-api:latest', 'ghcr.io/acme/checkout-api:1.0']),
  checkoutApi('2.0', ['ghcr.io/acme/checkout-api:2.0', 'ghcr.io/acme/checkout-api:feature-split-payments']),
  {
    id: 'hello',
    description:
      "a tiny HTTP service answering its name and version (and, with UPSTREAM_URL, its upstream's answer), for synthetic environments",
    parent: 'node',
    layer: {
      kind: 'files',
      files: async () => [
        {
          path: '/app/hello.js',
          content: await bundleApp({ entry: path.join(IMAGES_DIR, 'hello/src/main.ts') }),
          mode: 0o644,
        },
      ],
    },
    config: {
      entrypoint: ['node', '/app/hello.js'],
      cmd: [],
      env: ['PORT=8080'],
      exposedPorts: ['8080/tcp'],
      // Numeric, so a pod with runAsNonRoot can check it: Debian's nobody:nogroup.
      user: '65534:65534',
      labels: {
        ...SOURCE_LABEL,
        'org.opencontainers.image.title': 'hello',
        'org.opencontainers.image.version': '2',
      },
    },
    // :2 calls UPSTREAM_URL; nodes may keep an older :1, so tests that need the call name :2.
    publishAs: ['ghcr.io/microstax/hello:1', 'ghcr.io/microstax/hello:2'],
  },
  {
    id: 'base-trixie',
    description: 'Debian trixie, debootstrap --variant=minbase, without docs, man pages or translations',
    layer: { kind: 'debootstrap', suite: 'trixie' },
    config: { env: [`PATH=${DEFAULT_PATH}`, 'LANG=C.UTF-8'], cmd: ['/bin/sh'] },
  },
  {
    id: 'microstax-runtime',
    description:
      "Debian trixie's nodejs (20), PostgreSQL client tools and CA certificates: the MicroStax runtime",
    parent: 'base-trixie',
    layer: { kind: 'apt', packages: MICROSTAX_APT_PACKAGES, versionLabelOf: 'nodejs' },
    config: {
      labels: { ...SOURCE_LABEL, 'org.opencontainers.image.title': 'Debian Node.js and PostgreSQL client' },
    },
  },
  {
    id: 'microstax',
    description: "MicroStax itself: this checkout's dist/ (npm run build) and production node_modules",
    parent: 'microstax-runtime',
    layer: { kind: 'files', files: stageMicrostaxApp },
    config: {
      ...MICROSTAX_IMAGE_CONFIG,
      labels: {
        ...SOURCE_LABEL,
        'org.opencontainers.image.title': 'MicroStax',
        'org.opencontainers.image.version': MICROSTAX_VERSION,
      },
    },
    publishAs: [`ghcr.io/microstax/microstax:${MICROSTAX_VERSION}`],
    onRequest: true,
  },
];
