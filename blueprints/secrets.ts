/**
 * Decides which env values are secrets (they become Kubernetes Secrets and are masked in output),
 * and how to mask them.
 */

/** Replaces secret values in rendered output. */
export const SECRET_MARKER = '<redacted>';

// The patterns below are written without nested or overlapping quantifiers, so a hostile long value
// cannot make them slow. Each captures the secret part as group 2 (the text before it as group 1).

/** scheme://user:password@host (also jdbc:mysql://, redis://:password@). */
const URL_USER_INFO = /([a-z][a-z0-9+.-]{0,31}:\/\/[^\s/@:]*:)([^\s/@]+)(?=@)/gi;

/** A credential in a query string or a JDBC property list: ?password=, &token=, ;password=. */
const CREDENTIAL_PARAMETER =
  /([?&;](?:password|passwd|pwd|pass|token|access_token|auth_token|api_?key|secret|client_secret|sslpassword)=)([^&;#\s]+)/gi;

/** Oracle's JDBC shape: jdbc:oracle:thin:user/password@host. */
const ORACLE_THIN = /(jdbc:oracle:[a-z]+:[^\s/@:]+\/)([^\s@]+)(?=@)/gi;

const VALUE_PATTERNS = [URL_USER_INFO, CREDENTIAL_PARAMETER, ORACLE_THIN];

/**
 * Name segments that end in a credential word: DB_PASSWORD, GITHUB_TOKEN, AUTHTOKEN (but not
 * PASSWORDLESS_LOGIN or TOKENIZER). SECRET counts anywhere in a segment: SECRETKEY, CLIENTSECRET.
 */
const CREDENTIAL_SEGMENT_SUFFIX =
  /(SECRET.*|PASSWORDS?|PASSWD|PASSPHRASE|TOKENS?|CREDENTIALS?|APIKEY|ACCESSKEY|PRIVATEKEY)$/;

/**
 * Segments that are credentials only as a whole word: DB_PASS and DB_PWD are, while BYPASS,
 * PASSTHROUGH and COMPASS are not.
 */
const CREDENTIAL_WORDS = new Set(['PASS', 'PWD', 'PW']);

/** A KEY segment is a credential after one of these: API_KEY, x-api-key, ACCESS_KEY_ID, SIGNING_KEY. */
const KEY_QUALIFIERS = new Set([
  'API',
  'ACCESS',
  'PRIVATE',
  'SECRET',
  'ENCRYPTION',
  'SIGNING',
  'MASTER',
  'AUTH',
]);

/** Shell variables whose names look like credentials but are not: PWD is the working directory. */
const NOT_CREDENTIALS = new Set(['PWD', 'OLDPWD']);

/** The upper-case words of a variable name: `dbPassword` and `DB-PASSWORD` both give DB, PASSWORD. */
function nameSegments(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter((s) => s !== '');
}

/** Every credential name contains one of these; most names contain none and skip the word split. */
const CREDENTIAL_HINT = /PASS|PWD|PW|SECRET|TOKEN|KEY|CREDENTIAL/i;

/** Whether a variable's name says it carries a credential (by segments, so BYPASS_CACHE does not). */
export function isCredentialName(name: string): boolean {
  if (!CREDENTIAL_HINT.test(name) || NOT_CREDENTIALS.has(name)) return false;
  const segments = nameSegments(name);
  return segments.some(
    (segment, i) =>
      CREDENTIAL_SEGMENT_SUFFIX.test(segment) ||
      CREDENTIAL_WORDS.has(segment) ||
      ((segment === 'KEY' || segment === 'KEYS') && i > 0 && KEY_QUALIFIERS.has(segments[i - 1]!)),
  );
}

/** Whether a value carries a credential in a URL or connection-string shape. */
export function hasCredentialInValue(value: string): boolean {
  // Every shape has an "@" (user-info, oracle) or an "=" (parameters).
  if (!value.includes('@') && !value.includes('=')) return false;
  return VALUE_PATTERNS.some((pattern) => {
    pattern.lastIndex = 0;
    return pattern.test(value);
  });
}

/** Whether a plain value must be handled as a secret: a credential-named variable, or a credential in the value. */
export function looksSecret(opts: { name: string; value: string }): boolean {
  return (isCredentialName(opts.name) && opts.value !== '') || hasCredentialInValue(opts.value);
}

/**
 * A secret value for display. A value with a credential in a URL or query string keeps its shape
 * and loses only the credential (the host and database stay readable); any other is replaced whole.
 */
export function maskSecret(value: string): string {
  if (!hasCredentialInValue(value)) return SECRET_MARKER;
  let masked = value;
  for (const pattern of VALUE_PATTERNS) {
    pattern.lastIndex = 0;
    masked = masked.replace(pattern, `$1${SECRET_MARKER}`);
  }
  return masked;
}
