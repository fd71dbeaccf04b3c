/** Environment names are at most this long (api/schemas/apply.ts EnvironmentName). */
const MAX_NAME = 40;

/**
 * The environment name of a pull request: `pr-<number>-<repository name>`, lower-cased, cut to fit.
 * The repository is in it because one team may map several repositories, each with its own `#42`.
 * Pure (no Node modules): the pull-request workflow calls it.
 */
export function pullRequestEnvironmentName(repository: string, number: number): string {
  const repo = (repository.split('/')[1] ?? repository).toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return `pr-${number}-${repo}`.slice(0, MAX_NAME).replace(/-+$/, '');
}
