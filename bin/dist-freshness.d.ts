/** Whether dist/ is complete and newer than every build input; the reason when it is not. */
export type DistFreshness = { fresh: true } | { fresh: false; reason: string };

/**
 * Whether `${root}/${distDir}` is complete and newer than every input; the reason when it is not.
 * `inputs` (paths relative to `root`) default to the list the build wrote into its stamp file.
 */
export function distFreshness(params: {
  root: string;
  distDir?: string;
  stamp?: string;
  inputs?: readonly string[];
}): DistFreshness;
