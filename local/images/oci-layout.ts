import { access, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { type BuildStep, runBuildStep } from './build-step.js';

/**
 * The image cache: one OCI image layout on disk, shared by every image so the Debian base layer is
 * stored once. Tags name builds (`<image id>-<definition hash>`); umoci does the writing.
 */

/** The image config fields the builder sets (a subset of the OCI image config). */
export interface ImageConfig {
  entrypoint?: string[];
  cmd?: string[];
  /** `NAME=value`, added to (or replacing same-named entries of) the parent's env. */
  env?: string[];
  /** e.g. `5432/tcp`. */
  exposedPorts?: string[];
  user?: string;
  workingDir?: string;
  volumes?: string[];
  stopSignal?: string;
  labels?: Record<string, string>;
}

interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  annotations?: Record<string, string>;
}

const REF_NAME = 'org.opencontainers.image.ref.name';

/** What a step needs besides its command: which image it is for and where its output goes. */
export type StepContext = Pick<BuildStep, 'image' | 'logFile' | 'progress'>;

export class OciLayout {
  constructor(readonly dir: string) {}

  /** Creates the layout when it does not exist yet. */
  async ensure(context: StepContext): Promise<void> {
    const exists = await access(path.join(this.dir, 'index.json')).then(
      () => true,
      () => false,
    );
    if (exists) return;
    await mkdir(path.dirname(this.dir), { recursive: true });
    await this.umoci(context, 'umoci init', ['init', '--layout', this.dir]);
  }

  /** The manifest descriptor of a tag, or undefined. */
  async manifest(tag: string): Promise<Descriptor | undefined> {
    return (await this.index()).find((entry) => entry.annotations?.[REF_NAME] === tag);
  }

  /** Every tag in the layout. */
  async tags(): Promise<string[]> {
    return (await this.index()).flatMap((entry) => entry.annotations?.[REF_NAME] ?? []);
  }

  private async index(): Promise<Descriptor[]> {
    const index = JSON.parse(await readFile(path.join(this.dir, 'index.json'), 'utf8')) as {
      manifests: Descriptor[] | null;
    };
    // umoci writes `null` for a layout without images.
    return index.manifests ?? [];
  }

  /** A blob's parsed JSON (manifests and configs). */
  async readJsonBlob<T>(digest: string): Promise<T> {
    const [algorithm, hex] = digest.split(':');
    return JSON.parse(await readFile(path.join(this.dir, 'blobs', algorithm!, hex!), 'utf8')) as T;
  }

  /** The compressed size of an image: manifest, config and layers, as a registry stores it. */
  async imageSize(tag: string): Promise<number> {
    const descriptor = await this.manifest(tag);
    if (!descriptor) throw new Error(`no tag ${tag} in ${this.dir}`);
    const manifest = await this.readJsonBlob<{ config: Descriptor; layers: Descriptor[] }>(descriptor.digest);
    return (
      descriptor.size + manifest.config.size + manifest.layers.reduce((sum, layer) => sum + layer.size, 0)
    );
  }

  /** A new empty image (no layers: FROM scratch). */
  newImage(context: StepContext, tag: string): Promise<void> {
    return this.umoci(context, 'umoci new', ['new', '--image', this.ref(tag)]);
  }

  /** Adds a layer holding `source` (a file or directory) at `target`, saved as `newTag`. */
  insert(context: StepContext, options: { tag: string; newTag: string; source: string; target: string }) {
    return this.umoci(context, 'umoci insert', [
      'insert',
      '--image',
      this.ref(options.tag),
      '--tag',
      options.newTag,
      '--history.created_by',
      `microstax insert ${options.target}`,
      options.source,
      options.target,
    ]);
  }

  /** Unpacks a tag into a runtime bundle (`<bundle>/rootfs`). */
  unpack(context: StepContext, options: { tag: string; bundle: string }): Promise<void> {
    return this.umoci(context, 'umoci unpack', ['unpack', '--image', this.ref(options.tag), options.bundle]);
  }

  /** Saves the changes made in an unpacked bundle's rootfs as one new layer, tagged `newTag`. */
  repack(
    context: StepContext,
    options: { newTag: string; bundle: string; createdBy: string },
  ): Promise<void> {
    return this.umoci(context, 'umoci repack', [
      'repack',
      '--image',
      this.ref(options.newTag),
      '--history.created_by',
      options.createdBy,
      options.bundle,
    ]);
  }

  /** Sets config fields on `tag`, saved as `newTag`. */
  configure(
    context: StepContext,
    options: { tag: string; newTag: string; config: ImageConfig },
  ): Promise<void> {
    const { config } = options;
    const args = ['config', '--image', this.ref(options.tag), '--tag', options.newTag, '--no-history'];
    // umoci appends entrypoint/cmd words to the parent's: clear them first so ours replace them.
    if (config.entrypoint) args.push('--clear=config.entrypoint');
    if (config.cmd) args.push('--clear=config.cmd');
    for (const word of config.entrypoint ?? []) args.push('--config.entrypoint', word);
    for (const word of config.cmd ?? []) args.push('--config.cmd', word);
    for (const variable of config.env ?? []) args.push('--config.env', variable);
    for (const port of config.exposedPorts ?? []) args.push('--config.exposedports', port);
    for (const volume of config.volumes ?? []) args.push('--config.volume', volume);
    for (const [name, value] of Object.entries(config.labels ?? {}))
      args.push('--config.label', `${name}=${value}`);
    if (config.user) args.push('--config.user', config.user);
    if (config.workingDir) args.push('--config.workingdir', config.workingDir);
    if (config.stopSignal) args.push('--config.stopsignal', config.stopSignal);
    return this.umoci(context, 'umoci config', args);
  }

  /** Removes tags (their blobs stay until `gc`). */
  async removeTags(context: StepContext, tags: readonly string[]): Promise<void> {
    for (const tag of tags) await this.umoci(context, 'umoci rm', ['rm', '--image', this.ref(tag)]);
  }

  /** Deletes blobs no tag references any more. */
  gc(context: StepContext): Promise<void> {
    return this.umoci(context, 'umoci gc', ['gc', '--layout', this.dir]);
  }

  /** `<dir>:<tag>`, the reference form umoci takes. */
  ref(tag: string): string {
    return `${this.dir}:${tag}`;
  }

  private umoci(context: StepContext, step: string, args: string[]): Promise<void> {
    return runBuildStep({ ...context, step, command: 'umoci', args });
  }
}
