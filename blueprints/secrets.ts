/**
 * Decides which env values are secrets (they become Kubernetes Secrets and are masked in output),
 * and how to mask them.
 */

/** Replaces secret values in rendered output. */
export const SECRET_MARKER = '<redacted>';

/** scheme://user:password@host: a password inside a URL. */
const URL_WITH_PASSWORD = /([a-z][a-z0-9+.-]{0,31}:\/\/[^\s/@:]*:)([^\s/@]+)(@)/gi;

/** Variable names that by convention carry credentials. */
const SECRET_NAME = /(PASSWORD|PASSWD|PASSPHRASE|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|CREDENTIALS?)$/i;

/** Whether a plain value must be handled as a secret: a password in a URL, or a credential-named variable. */
export function looksSecret(opts: { name: string; value: string }): boolean {
  URL_WITH_PASSWORD.lastIndex = 0;
  return (SECRET_NAME.test(opts.name) && opts.value !== '') || URL_WITH_PASSWORD.test(opts.value);
}

/** A secret value for display: only the password of a URL is masked, so the value stays readable. */
export function maskSecret(value: string): string {
  URL_WITH_PASSWORD.lastIndex = 0;
  if (URL_WITH_PASSWORD.test(value)) return value.replace(URL_WITH_PASSWORD, `$1${SECRET_MARKER}$3`);
  return SECRET_MARKER;
}
