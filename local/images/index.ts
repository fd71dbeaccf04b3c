import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { resolveStackConfig } from '../stack/config.js';
import { ensureDebianPackages } from '../stack/debian-packages.js';
import { type Progress, silentProgress } from '../stack/progress.js';
import { IMAGE_SPECS } from './catalog.js';
import { DEFAULT_DEBIAN_SUITE, machineDebianMirror } from './debian-rootfs.js';
import { type BuiltImage, ImageBuilder } from './image-builder.js';
import { type ImageSpec, parseImageReference } from './image-spec.js';
import { OciLayout } from './oci-layout.js';
import { assertRegistryAnswers, pushImage } from './registry-push.js';

export { IMAGE_SPECS } from './catalog.js';
export { ImageError, type ImageErrorType } from './errors.js';
export { MIRRORED_REGISTRIES, type MirroredRegistry, parseImageReference } from './image-spec.js';

/**
 * The images the examples need, built without a Docker daemon and published to the local registry
 * under the names the blueprints use. See images/README.md.
 */

/** Debian tools the builder runs. */
export const IMAGE_TOOL_PACKAGES = ['debootstrap', 'umoci', 'skopeo'] as const;

/** The published names of some images: the reference and where it sits in the local registry. */
function publishedNames(specs: readonly ImageSpec[]) {
  return specs.flatMap((spec) =>
    (spec.publishAs ?? []).map((reference) => ({
      reference,
      imageId: spec.id,
      ...parseImageReference(reference),
    })),
  );
}

/** What `stack up` publishes (and `stack images` without --only): the images the blueprints use. */
export const PUBLISHED_IMAGES = publishedNames(IMAGE_SPECS.filter((spec) => !spec.onRequest));

/** Published only when asked for by id (`stack images --only microstax`): images of this checkout's code. */
export const ON_REQUEST_IMAGES = publishedNames(IMAGE_SPECS.filter((spec) => spec.onRequest));

/** One published name after `ensureImages`. */
export interface PublishedImage {
  /** The name blueprints use, e.g. `docker.io/library/postgres:16-alpine`. */
  reference: string;
  /** Its place in the local registry: `<registry>/<repository>:<tag>`. */
  localReference: string;
  repository: string;
  tag: string;
  /** The build it points to. */
  imageId: string;
  /** Manifest digest, the same in the cache and the registry. */
  digest: string;
  /** Compressed size in bytes, all layers. */
  size: number;
  /** `pushed` now, or already `present` with the same digest. */
  push: 'pushed' | 'present';
}

export interface EnsureImagesResult {
  registry: string;
  images: PublishedImage[];
  /** Every build used, parents included, with whether it was cached and how long it took. */
  builds: BuiltImage[];
  /** The cache: an OCI layout plus logs. */
  cacheDir: string;
  totalMs: number;
}

export interface EnsureImagesOptions {
  /** The registry to publish to, `host:port` (plain HTTP). */
  registry: string;
  progress?: Progress;
  /** Default `<MICROSTAX_CACHE_DIR or ~/.cache/microstax>/images`. */
  cacheDir?: string;
  /** Only these build ids (with their parents); default every published image but the on-request ones. */
  only?: readonly string[];
}

/** `<cache>/images`, beside the stack's cached binaries. */
export function defaultImageCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(path.dirname(resolveStackConfig(env).binDir), 'images');
}

/**
 * Builds what the cache lacks and pushes what the registry lacks (idempotent: a second run builds
 * and pushes nothing). Installs debootstrap, umoci and skopeo from Debian when missing. Throws an
 * ImageError naming the image and the failing step, with its build log.
 */
export async function ensureImages(options: EnsureImagesOptions): Promise<EnsureImagesResult> {
  const startedAt = Date.now();
  const progress = options.progress ?? silentProgress;
  const cacheDir = options.cacheDir ?? defaultImageCacheDir();
  await assertRegistryAnswers(options.registry);
  await ensureDebianPackages({ part: 'images', packages: IMAGE_TOOL_PACKAGES, progress });
  await mkdir(cacheDir, { recursive: true });
  return withCacheLock(cacheDir, async () => {
    const layout = new OciLayout(path.join(cacheDir, 'oci'));
    const logsDir = path.join(cacheDir, 'logs');
    await mkdir(logsDir, { recursive: true });
    const housekeeping = { image: 'cache', logFile: path.join(logsDir, 'cache.log'), progress };
    await layout.ensure(housekeeping);
    const builder = new ImageBuilder(IMAGE_SPECS, {
      layout,
      workDir: path.join(cacheDir, 'work'),
      logsDir,
      aptCache: (suite) => ({
        // apt-get update drops the lists of releases its sources do not name: one directory per release
        // (bookworm's keeps the name it had before there was a choice).
        lists: path.join(cacheDir, 'apt', suite === DEFAULT_DEBIAN_SUITE ? 'lists' : `lists-${suite}`),
        archives: path.join(cacheDir, 'apt', 'archives'),
      }),
      debCacheDir: path.join(cacheDir, 'debootstrap'),
      stageCacheDir: path.join(cacheDir, 'stage'),
      mirror: await machineDebianMirror(),
      progress,
    });
    const wanted = selectSpecs(options.only);
    // One at a time: the machine has two cores and apt's cache is shared.
    const byId = new Map<string, BuiltImage>();
    for (const spec of wanted) byId.set(spec.id, await builder.build(spec.id));

    const images: PublishedImage[] = [];
    const publishing = [...PUBLISHED_IMAGES, ...ON_REQUEST_IMAGES].filter((image) => byId.has(image.imageId));
    for (const published of publishing) {
      const built = byId.get(published.imageId)!;
      const push = await pushImage(
        { image: published.reference, logFile: path.join(logsDir, 'push.log'), progress },
        {
          layout,
          tag: built.tag,
          digest: built.digest,
          registry: options.registry,
          repository: published.repository,
          imageTag: published.tag,
        },
      );
      if (push === 'pushed') progress.info(`pushed ${published.reference} (${built.digest.slice(0, 19)})`);
      images.push({
        reference: published.reference,
        localReference: `${options.registry}/${published.repository}:${published.tag}`,
        repository: published.repository,
        tag: published.tag,
        imageId: published.imageId,
        digest: built.digest,
        size: built.size,
        push,
      });
    }

    const builds = await builder.all();
    if (builds.some((build) => !build.cached)) await dropStaleTags({ layout, builds, housekeeping });
    return { registry: options.registry, images, builds, cacheDir, totalMs: Date.now() - startedAt };
  });
}

/** The images to build: those asked for by id, or every published one that is not on request. */
export function selectSpecs(only: readonly string[] | undefined): ImageSpec[] {
  const published = IMAGE_SPECS.filter((spec) => (spec.publishAs ?? []).length > 0 && !spec.onRequest);
  if (!only) return published;
  const unknown = only.filter((id) => !IMAGE_SPECS.some((spec) => spec.id === id));
  if (unknown.length > 0) {
    throw new Error(
      `unknown image id(s): ${unknown.join(', ')}; known: ${IMAGE_SPECS.map((s) => s.id).join(', ')}`,
    );
  }
  return IMAGE_SPECS.filter((spec) => only.includes(spec.id));
}

/** Removes cache tags of older definitions of the same images, then their unreferenced blobs. */
async function dropStaleTags(options: {
  layout: OciLayout;
  builds: BuiltImage[];
  housekeeping: Parameters<OciLayout['gc']>[0];
}): Promise<void> {
  const current = new Set(options.builds.map((build) => build.tag));
  const ids = new Set(options.builds.map((build) => build.id));
  const stale = (await options.layout.tags()).filter((tag) => {
    const id = tag.replace(/-[0-9a-f]{16}(-partial)?$/, '');
    return id !== tag && ids.has(id) && !current.has(tag);
  });
  if (stale.length === 0) return;
  await options.layout.removeTags(options.housekeeping, stale);
  await options.layout.gc(options.housekeeping);
}

/** One builder per cache at a time (two `stack up` or test runs wait for each other). */
async function withCacheLock<T>(cacheDir: string, work: () => Promise<T>): Promise<T> {
  const target = path.join(cacheDir, '.lock');
  await writeFile(target, '', { flag: 'a' });
  const release = await lockfile.lock(target, {
    stale: 60_000,
    update: 10_000,
    retries: { retries: 24 * 60, minTimeout: 1_000, maxTimeout: 5_000 },
    onCompromised: () => {},
  });
  try {
    return await work();
  } finally {
    await release();
  }
}
