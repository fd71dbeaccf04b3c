/**
 * Container image references as Docker and containerd accept them:
 * [registry[:port]/]path[:tag][@digest], e.g. ghcr.io/acme/api:1.2, postgres:16-alpine,
 * localhost:5000/web@sha256:<64 hex>. Written from the grammar in the distribution reference spec.
 */
const component = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const domainComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const domain = `(?:${domainComponent}(?:\\.${domainComponent})*|\\[[0-9a-fA-F:]+\\])(?::[0-9]+)?`;
const tag = '[\\w][\\w.-]{0,127}';
const digest = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
const reference = new RegExp(
  `^(?:(${domain})/)?(${component}(?:/${component})*)(?::(${tag}))?(?:@(${digest}))?$`,
);

/** Longest whole reference we accept: name (255) + tag (128) + digest, with room to spare. */
const MAX_REFERENCE_LENGTH = 512;

/** Longest repository name Docker accepts. */
const MAX_NAME_LENGTH = 255;

/** Why an image reference is malformed, or undefined when it is well formed. */
export function imageReferenceError(image: string): string | undefined {
  if (image === '') return undefined; // "required" is reported by the schema
  // Checked before the pattern, which is not built for arbitrarily long input.
  if (image.length > MAX_REFERENCE_LENGTH) return `longer than ${MAX_REFERENCE_LENGTH} characters`;
  const match = reference.exec(image);
  if (!match) {
    if (/[A-Z]/.test(image.split('/').slice(1).join('/') || image.split(':')[0]!)) {
      return 'repository names must be lower-case';
    }
    if (/\s/.test(image)) return 'image references contain no spaces';
    return 'expected an image reference such as ghcr.io/acme/api:1.2 or postgres:16-alpine';
  }
  const [, registry, path, , digestPart] = match;
  if ((registry ? registry.length + 1 : 0) + path!.length > MAX_NAME_LENGTH) {
    return `the repository name is longer than ${MAX_NAME_LENGTH} characters`;
  }
  if (digestPart?.startsWith('sha256:') && digestPart.length !== 'sha256:'.length + 64) {
    return 'a sha256 digest has exactly 64 hex digits';
  }
  return undefined;
}
