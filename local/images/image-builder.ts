import { createHash } from 'node:crypto';
import { chmod, mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Progress } from '../stack/progress.js';
import {
  type AptCache,
  DEFAULT_DEBIAN_SUITE,
  type DebianSuite,
  debootstrapBase,
  installedVersion,
  runInRootfs,
} from './debian-rootfs.js';
import type { ImageSpec, LayerRecipe, PlaceholderPackage, StageContext, StagedFile } from './image-spec.js';
import type { ImageConfig, OciLayout, StepContext } from './oci-layout.js';

/**
 * Builds images into the cache layout, each on its parent, and only when the cache lacks that
 * exact definition: the cache tag is `<id>-<hash>`, where the hash covers the parent's tag, the
 * layer's packages, files and script, and the config. A build is written under a `-partial` tag
 * and renamed when complete, so an interrupted build is redone, never half used.
 */

/** Bump to rebuild every image after a change in how images are built (not in what they hold). */
const BUILDER_VERSION = 1;

export interface BuilderContext {
  layout: OciLayout;
  /** Scratch space for rootfs trees and staged files (emptied after each build). */
  workDir: string;
  /** One build log per image: `<logsDir>/<id>.log`. */
  logsDir: string;
  /** apt's lists and packages for installs on a base of `suite` (lists are per release). */
  aptCache: (suite: DebianSuite) => AptCache;
  /** debootstrap's downloaded packages. */
  debCacheDir: string;
  /** Slow-to-make inputs of file layers, kept between builds (StageContext.cacheDir). */
  stageCacheDir: string;
  /** The Debian mirror for debootstrap and apt. */
  mirror: string;
  progress: Progress;
}

/** One image in the cache. */
export interface BuiltImage {
  id: string;
  /** The cache tag, `<id>-<hash>`. */
  tag: string;
  /** The manifest digest (what the registry will report). */
  digest: string;
  /** Compressed bytes: manifest, config and every layer, the parent's included. */
  size: number;
  /** True when the cache already had it. */
  cached: boolean;
  /** Time spent building it (not its parent); 0 when cached. */
  buildMs: number;
}

export class ImageBuilder {
  private readonly specs: Map<string, ImageSpec>;
  private readonly builds = new Map<string, Promise<BuiltImage>>();

  constructor(
    specs: readonly ImageSpec[],
    private readonly context: BuilderContext,
  ) {
    this.specs = new Map(specs.map((spec) => [spec.id, spec]));
  }

  /** Builds `id` (and its parents) unless cached; concurrent calls share one build. */
  build(id: string): Promise<BuiltImage> {
    let build = this.builds.get(id);
    if (!build) {
      build = this.buildOnce(id);
      this.builds.set(id, build);
    }
    return build;
  }

  /** Every image built or found so far, parents included. */
  all(): Promise<BuiltImage[]> {
    return Promise.all(this.builds.values());
  }

  private async buildOnce(id: string): Promise<BuiltImage> {
    const spec = this.specs.get(id);
    if (!spec) throw new Error(`no image definition with id ${id}`);
    const parent = spec.parent ? await this.build(spec.parent) : undefined;
    await mkdir(this.context.logsDir, { recursive: true });
    const step: StepContext = {
      image: spec.id,
      logFile: path.join(this.context.logsDir, `${spec.id}.log`),
      progress: this.context.progress,
    };
    const staged = await stageFiles(spec.layer, { step, cacheDir: this.context.stageCacheDir });
    const hash = definitionHash({ spec, parentTag: parent?.tag, staged, mirror: this.context.mirror });
    const tag = `${spec.id}-${hash.slice(0, 16)}`;
    const { layout } = this.context;
    if (!(await layout.manifest(tag))) {
      const startedAt = Date.now();
      this.context.progress.step(`building image ${spec.id}: ${spec.description}`);
      const partial = `${tag}-partial`;
      const labels = await this.buildLayer({ spec, parentTag: parent?.tag, staged, partial, step });
      const config: ImageConfig = { ...spec.config, labels: { ...spec.config?.labels, ...labels } };
      await layout.configure(step, { tag: partial, newTag: tag, config });
      await layout.removeTags(step, [partial]);
      const built = await this.describe({ id, tag, cached: false, buildMs: Date.now() - startedAt });
      this.context.progress.done(`image ${spec.id} built (${formatBytes(built.size)})`, startedAt);
      return built;
    }
    return this.describe({ id, tag, cached: true, buildMs: 0 });
  }

  private async describe(image: Omit<BuiltImage, 'digest' | 'size'>): Promise<BuiltImage> {
    const descriptor = await this.context.layout.manifest(image.tag);
    if (!descriptor) throw new Error(`image ${image.id}: tag ${image.tag} vanished from the cache`);
    return { ...image, digest: descriptor.digest, size: await this.context.layout.imageSize(image.tag) };
  }

  /** Writes the layer under the `partial` tag; returns labels learnt while building. */
  private async buildLayer(options: {
    spec: ImageSpec;
    parentTag: string | undefined;
    staged: Staged;
    partial: string;
    step: StepContext;
  }): Promise<Record<string, string>> {
    const { spec, parentTag, staged, partial, step } = options;
    const { layout } = this.context;
    const work = path.join(this.context.workDir, spec.id);
    await rm(work, { recursive: true, force: true });
    await mkdir(work, { recursive: true });
    try {
      const layer = spec.layer;
      if (layer.kind === 'debootstrap') {
        const rootfs = path.join(work, 'rootfs');
        await debootstrapBase(step, {
          rootfs,
          suite: layer.suite ?? DEFAULT_DEBIAN_SUITE,
          mirror: this.context.mirror,
          debCacheDir: this.context.debCacheDir,
        });
        await layout.newImage(step, partial);
        await layout.insert(step, { tag: partial, newTag: partial, source: rootfs, target: '/' });
        return {};
      }
      if (layer.kind === 'files') {
        const stage = path.join(work, 'files');
        await writeStagedFiles(stage, staged.files);
        if (parentTag) {
          await layout.insert(step, { tag: parentTag, newTag: partial, source: stage, target: '/' });
        } else {
          await layout.newImage(step, partial);
          await layout.insert(step, { tag: partial, newTag: partial, source: stage, target: '/' });
        }
        return {};
      }
      if (!parentTag) throw new Error(`image ${spec.id}: an apt layer needs a parent`);
      const bundle = path.join(work, 'bundle');
      const rootfs = path.join(bundle, 'rootfs');
      await layout.unpack(step, { tag: parentTag, bundle });
      await writeStagedFiles(rootfs, [...staged.before, ...staged.files]);
      const install = `apt-get update -q && apt-get install -y -q --no-install-recommends ${layer.packages.join(' ')}`;
      await runInRootfs(step, {
        rootfs,
        step: `apt-get install ${layer.packages.join(' ')}`,
        script: [...(layer.placeholders ?? []).map(placeholderScript), install, layer.script ?? ''].join(
          '\n',
        ),
        aptCache: this.context.aptCache(debianSuiteOf(spec, (id) => this.specs.get(id))),
      });
      const labels: Record<string, string> = {};
      if (layer.versionLabelOf) {
        const version = await installedVersion(rootfs, layer.versionLabelOf);
        if (version) labels['org.opencontainers.image.version'] = version;
      }
      await layout.repack(step, {
        newTag: partial,
        bundle,
        createdBy: `apt-get install ${layer.packages.join(' ')}`,
      });
      return labels;
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }
}

/** The Debian release of an image: its base's (the debootstrap layer it stands on). */
export function debianSuiteOf(spec: ImageSpec, specById: (id: string) => ImageSpec | undefined): DebianSuite {
  let current: ImageSpec | undefined = spec;
  while (current) {
    if (current.layer.kind === 'debootstrap') return current.layer.suite ?? DEFAULT_DEBIAN_SUITE;
    current = current.parent ? specById(current.parent) : undefined;
  }
  throw new Error(`image ${spec.id} stands on no debootstrapped base`);
}

/** Shell that builds an empty package with dpkg-deb and installs it; `apt-mark hold` makes apt keep it. */
export function placeholderScript(placeholder: PlaceholderPackage): string {
  const dir = `/tmp/placeholder-${placeholder.name}`;
  const control = [
    `Package: ${placeholder.name}`,
    `Version: ${placeholder.version}`,
    'Architecture: all',
    'Maintainer: MicroStax <images@microstax.invalid>',
    `Description: placeholder: ${placeholder.why}`,
    '',
  ].join('\n');
  return [
    `mkdir -p ${dir}/DEBIAN`,
    `printf '%s' ${shellQuote(control)} > ${dir}/DEBIAN/control`,
    `dpkg-deb --build ${dir} ${dir}.deb >/dev/null`,
    `dpkg -i ${dir}.deb`,
    `apt-mark hold ${placeholder.name}`,
    `rm -rf ${dir} ${dir}.deb`,
  ].join('\n');
}

function shellQuote(value: string): string {
  return `'${value.replaceAll("'", `'"'"'`)}'`;
}

interface Staged {
  before: StagedFile[];
  files: StagedFile[];
}

async function stageFiles(layer: LayerRecipe, context: StageContext): Promise<Staged> {
  if (layer.kind === 'files') return { before: [], files: await layer.files(context) };
  if (layer.kind === 'apt')
    return { before: (await layer.before?.()) ?? [], files: (await layer.files?.()) ?? [] };
  return { before: [], files: [] };
}

/** The cache key of an image definition (pure). */
export function definitionHash(options: {
  spec: ImageSpec;
  parentTag: string | undefined;
  staged: Staged;
  mirror: string;
}): string {
  const { spec, staged } = options;
  const fileDigest = (file: StagedFile) => ({
    path: file.path,
    mode: file.mode,
    sha256: createHash('sha256').update(file.content).digest('hex'),
  });
  const layer =
    spec.layer.kind === 'apt'
      ? {
          kind: 'apt',
          packages: spec.layer.packages,
          placeholders: spec.layer.placeholders ?? [],
          script: spec.layer.script,
          label: spec.layer.versionLabelOf,
        }
      : spec.layer.kind === 'debootstrap' &&
          (spec.layer.suite ?? DEFAULT_DEBIAN_SUITE) !== DEFAULT_DEBIAN_SUITE
        ? // The default release is left out, so the bases made before the choice keep their keys.
          { kind: 'debootstrap', suite: spec.layer.suite }
        : { kind: spec.layer.kind };
  const definition = {
    builder: BUILDER_VERSION,
    parent: options.parentTag ?? null,
    layer,
    before: staged.before.map(fileDigest),
    files: staged.files.map(fileDigest),
    config: spec.config ?? {},
    // Only the base comes straight from the mirror; its children inherit the change through `parent`.
    mirror: spec.layer.kind === 'debootstrap' ? options.mirror : null,
  };
  return createHash('sha256').update(JSON.stringify(definition)).digest('hex');
}

/** Writes files under `root` with world-readable directories (a staged root becomes the image's `/`). */
async function writeStagedFiles(root: string, files: readonly StagedFile[]): Promise<void> {
  await mkdir(root, { recursive: true });
  await chmod(root, 0o755);
  for (const file of files) {
    const target = path.join(root, file.path);
    await mkdirWorldReadable(root, path.dirname(file.path));
    await writeFile(target, file.content);
    await chmod(target, file.mode);
  }
}

async function mkdirWorldReadable(root: string, dir: string): Promise<void> {
  let current = root;
  for (const part of dir.split('/').filter(Boolean)) {
    current = path.join(current, part);
    await mkdir(current, { recursive: true });
    await chmod(current, 0o755);
  }
}

/** `12.3 MB` (decimal units, as registries and `du --si` count). */
export function formatBytes(bytes: number): string {
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}
