import type { DebianSuite } from './debian-rootfs.js';
import type { ImageConfig, StepContext } from './oci-layout.js';

/** How an image is described: a parent, one layer on top of it, config, and the names it is published as. */

/** The registries the local registry stands in for (containerd mirrors them to it). */
export const MIRRORED_REGISTRIES = ['docker.io', 'ghcr.io', 'registry.k8s.io'] as const;
export type MirroredRegistry = (typeof MIRRORED_REGISTRIES)[number];

/** A file put into a layer. */
export interface StagedFile {
  /** Absolute path inside the image. */
  path: string;
  content: string | Buffer;
  mode: number;
}

/** A package name and version dpkg records as installed, with no files. */
export interface PlaceholderPackage {
  name: string;
  /** Above the archive's version, so apt keeps the placeholder instead of upgrading it. */
  version: string;
  /** Why it is left out (the package description). */
  why: string;
}

/** What staging a layer's files may use: its build log and progress, and a cache that outlives builds. */
export interface StageContext {
  step: StepContext;
  /** A directory of the image cache for staged inputs that are slow to make (e.g. an npm install). */
  cacheDir: string;
}

/** The one layer an image adds to its parent. */
export type LayerRecipe =
  /** The Debian base rootfs (no parent) of `suite` (default bookworm). */
  | { kind: 'debootstrap'; suite?: DebianSuite }
  /** Debian packages installed with apt-get in a chroot of the parent. */
  | {
      kind: 'apt';
      packages: readonly string[];
      /** Files written before installing (e.g. to stop a package's postinst from doing something). */
      before?: () => Promise<StagedFile[]>;
      /** Files added after installing (entrypoints). */
      files?: () => Promise<StagedFile[]>;
      /**
       * Empty packages registered as installed before the install, so a dependency the image never
       * uses is neither downloaded nor installed, and dpkg's dependencies stay consistent.
       */
      placeholders?: readonly PlaceholderPackage[];
      /** Shell run in the chroot after installing and adding the files. */
      script?: string;
      /** Label the image `org.opencontainers.image.version` with this package's installed version. */
      versionLabelOf?: string;
    }
  /** Files added as a layer without unpacking the parent (FROM scratch when there is no parent). */
  | { kind: 'files'; files: (context: StageContext) => Promise<StagedFile[]> };

export interface ImageSpec {
  /** Build id, also the cache tag prefix: `postgres`, `checkout-api-1.0`. */
  id: string;
  description: string;
  /** The `id` of the image this one builds on; none means FROM scratch. */
  parent?: string;
  layer: LayerRecipe;
  config?: ImageConfig;
  /** Full references it is published as, e.g. `docker.io/library/postgres:16-alpine`. */
  publishAs?: readonly string[];
  /**
   * Built and published only when asked for by id (`stack images --only <id>`), never by `stack up`:
   * an image of this checkout's own code would otherwise be rebuilt after every change.
   */
  onRequest?: boolean;
}

/** A published name split up: which registry it mirrors, the repository path kept as is, the tag. */
export interface ImageReference {
  registry: MirroredRegistry;
  /** e.g. `library/postgres`, `acme/checkout-api`, `pause`. */
  repository: string;
  tag: string;
}

/** Splits `docker.io/library/postgres:16-alpine`; throws on a registry that is not mirrored. */
export function parseImageReference(reference: string): ImageReference {
  const match = /^([^/]+)\/(.+):([\w][\w.-]{0,127})$/.exec(reference);
  const registry = match?.[1];
  if (!match || !MIRRORED_REGISTRIES.includes(registry as MirroredRegistry)) {
    throw new Error(
      `${reference} is not <registry>/<repository>:<tag> with a registry in ${MIRRORED_REGISTRIES.join(', ')}`,
    );
  }
  return { registry: registry as MirroredRegistry, repository: match[2]!, tag: match[3]! };
}
