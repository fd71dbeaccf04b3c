/**
 * Why a lifecycle request was refused, in a form the API can map to an HTTP status: `invalid-request`
 * (400: a bad duration, an environment past the point of extending) or `not-found` (404).
 */
export class LifecycleRequestError extends Error {
  readonly type: 'invalid-request' | 'not-found';
  constructor(params: { type: 'invalid-request' | 'not-found'; message: string }) {
    super(params.message);
    this.name = 'LifecycleRequestError';
    this.type = params.type;
  }

  toJSON(): { type: string; message: string } {
    return { type: this.type, message: this.message };
  }
}
