import { z } from 'zod';

/** Placeholders an image template may use. */
export const IMAGE_PLACEHOLDERS = ['service', 'number', 'sha', 'shortSha', 'branch'] as const;

/**
 * A repository's image mapping: service name → image template, e.g.
 * `{ "api": "ghcr.io/org/{service}:pr-{number}-{sha}" }`. Only the services named are changed.
 */
export const ImageMapping = z
  .record(
    z.string().regex(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/, 'must be a service name'),
    z
      .string()
      .min(1)
      .max(500)
      .refine(
        (template) =>
          [...template.matchAll(/\{([^}]*)\}/g)].every((m) =>
            (IMAGE_PLACEHOLDERS as readonly string[]).includes(m[1]!),
          ),
        `placeholders are ${IMAGE_PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}`,
      ),
  )
  .refine((m) => Object.keys(m).length <= 100, 'at most 100 services')
  .describe('Service name → image template; placeholders {service}, {number}, {sha}, {shortSha}, {branch}');
export type ImageMapping = z.infer<typeof ImageMapping>;

/** A git ref as an image-tag-safe word: `feature/Login` → `feature-login`. */
function tagSafe(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9_.-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 100);
}

/** The image each mapped service runs for one pull-request head. */
export function imagesFor(params: {
  mapping: ImageMapping;
  number: number;
  sha: string;
  branch: string;
}): Record<string, string> {
  const values: Record<(typeof IMAGE_PLACEHOLDERS)[number], string> = {
    service: '',
    number: String(params.number),
    sha: params.sha,
    shortSha: params.sha.slice(0, 7),
    branch: tagSafe(params.branch),
  };
  return Object.fromEntries(
    Object.entries(params.mapping).map(([service, template]) => [
      service,
      template.replace(/\{([^}]*)\}/g, (_all, name: keyof typeof values) =>
        name === 'service' ? service : values[name],
      ),
    ]),
  );
}
