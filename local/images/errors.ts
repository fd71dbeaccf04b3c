import { ActionableError } from '../stack/errors.js';

/** What went wrong while building or publishing an image; `type` tells callers and `--json` apart. */
export type ImageErrorType =
  /** A build step (debootstrap, apt-get, go build, umoci, esbuild) failed. */
  | 'build-failed'
  /** Copying an image to the registry failed. */
  | 'push-failed'
  /** The registry does not answer at the given address. */
  | 'registry-unreachable';

export interface ImageErrorParams {
  /** The image concerned, e.g. `docker.io/library/postgres:16-alpine` or the build id `postgres`. */
  image?: string;
  /** The failing step, e.g. `apt-get install`, `umoci repack`, `skopeo copy`. */
  step?: string;
  /** The log file with the step's full output. */
  logFile?: string;
  /** What to do about it. */
  fix?: string;
}

/** An image build or publish failure naming the image, the step, its log and a fix. */
export class ImageError extends ActionableError<ImageErrorType, ImageErrorParams> {
  override readonly name = 'ImageError';

  constructor(type: ImageErrorType, message: string, params: ImageErrorParams = {}, options?: ErrorOptions) {
    super(type, message, params, options);
  }
}
