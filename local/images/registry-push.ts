import { runBuildStep } from './build-step.js';
import { ImageError } from './errors.js';
import type { OciLayout, StepContext } from './oci-layout.js';

/** Publishing cached images to the local registry, skipping those it already holds. */

/** Every manifest type a registry may answer with, so it never converts one to answer. */
const MANIFEST_TYPES = [
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
].join(', ');

/** The digest the registry holds for `repository:tag`, or undefined when it has none. */
export async function registryManifestDigest(options: {
  registry: string;
  repository: string;
  tag: string;
}): Promise<string | undefined> {
  const url = `http://${options.registry}/v2/${options.repository}/manifests/${options.tag}`;
  let response: Response;
  try {
    response = await fetch(url, { method: 'HEAD', headers: { Accept: MANIFEST_TYPES } });
  } catch (error) {
    throw new ImageError(
      'registry-unreachable',
      `The registry at ${options.registry} does not answer: ${String(error)}`,
      {
        image: `${options.repository}:${options.tag}`,
        fix: 'start it (`microstax stack up --real-nodes`) or pass the right --registry host:port',
      },
    );
  }
  if (response.status === 404) return undefined;
  if (response.status !== 200) {
    throw new ImageError('push-failed', `HEAD ${url} answered ${response.status}`, {
      image: `${options.repository}:${options.tag}`,
      step: 'manifest check',
    });
  }
  return response.headers.get('docker-content-digest') ?? undefined;
}

/** Fails with a clear error when nothing answers `GET /v2/` at `registry`. */
export async function assertRegistryAnswers(registry: string): Promise<void> {
  const problem = await fetch(`http://${registry}/v2/`).then(
    (response) => (response.status === 200 ? undefined : `GET /v2/ answered ${response.status}`),
    (error: unknown) => String((error as Error).cause ?? error),
  );
  if (problem) {
    throw new ImageError('registry-unreachable', `No image registry answers at ${registry}: ${problem}`, {
      fix: 'start it (`microstax stack up --real-nodes`) or pass the right --registry host:port',
    });
  }
}

/**
 * Copies a cached image to `registry/repository:tag` unless the registry already has the same
 * manifest digest. Digests are preserved (no format conversion), so the check is exact.
 */
export async function pushImage(
  step: StepContext,
  options: {
    layout: OciLayout;
    tag: string;
    digest: string;
    registry: string;
    repository: string;
    imageTag: string;
  },
): Promise<'pushed' | 'present'> {
  const present = await registryManifestDigest({
    registry: options.registry,
    repository: options.repository,
    tag: options.imageTag,
  });
  if (present === options.digest) return 'present';
  await runBuildStep({
    ...step,
    step: `skopeo copy to ${options.registry}/${options.repository}:${options.imageTag}`,
    command: 'skopeo',
    args: [
      'copy',
      '--quiet',
      '--insecure-policy',
      '--preserve-digests',
      '--dest-tls-verify=false',
      `oci:${options.layout.dir}:${options.tag}`,
      `docker://${options.registry}/${options.repository}:${options.imageTag}`,
    ],
    failure: 'push-failed',
    fix: `check the registry's log; \`skopeo inspect --tls-verify=false docker://${options.registry}/${options.repository}:${options.imageTag}\``,
  });
  return 'pushed';
}
