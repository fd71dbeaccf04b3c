import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createSecureContext } from 'node:tls';

/** The gateway's certificate and key, as files (a mounted Secret that cert-manager renews). */
export interface TlsFiles {
  certFile: string;
  keyFile: string;
}

export interface TlsMaterial {
  cert: Buffer;
  key: Buffer;
}

/**
 * Reads the pair and checks it makes a usable context (parseable PEM, the key matches the
 * certificate), so a half-written or mismatched renewal is refused rather than served.
 */
export async function readTlsMaterial(files: TlsFiles): Promise<TlsMaterial> {
  const [cert, key] = await Promise.all([
    readFile(files.certFile).catch((error: unknown) => {
      throw new Error(`cannot read certificate ${files.certFile}: ${messageOf(error)}`);
    }),
    readFile(files.keyFile).catch((error: unknown) => {
      throw new Error(`cannot read key ${files.keyFile}: ${messageOf(error)}`);
    }),
  ]);
  try {
    createSecureContext({ cert, key });
  } catch (error) {
    throw new Error(
      `certificate ${files.certFile} and key ${files.keyFile} do not make a TLS pair: ${messageOf(error)}`,
    );
  }
  return { cert, key };
}

/**
 * Re-reads the pair every `everyMs` and hands a changed, valid one to `onChange`. Polling, not
 * fs.watch: a Secret volume is updated by swapping a symlinked directory, which file watches miss.
 */
export function watchTlsFiles(params: {
  files: TlsFiles;
  initial: TlsMaterial;
  everyMs: number;
  onChange: (material: TlsMaterial) => void;
  onProblem: (message: string) => void;
}): { stop(): void } {
  let current = fingerprint(params.initial);
  let lastProblem: string | undefined;
  let reading = false;
  const timer = setInterval(() => {
    if (reading) return;
    reading = true;
    readTlsMaterial(params.files)
      .then((material) => {
        lastProblem = undefined;
        const next = fingerprint(material);
        if (next === current) return;
        current = next;
        params.onChange(material);
      })
      .catch((error: unknown) => {
        // Once per distinct problem: a renewal in progress must not flood the log.
        const message = messageOf(error);
        if (message !== lastProblem) params.onProblem(message);
        lastProblem = message;
      })
      .finally(() => {
        reading = false;
      });
  }, params.everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

function fingerprint(material: TlsMaterial): string {
  return createHash('sha256').update(material.cert).update('\0').update(material.key).digest('hex');
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
