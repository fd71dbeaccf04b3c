import { spawn } from 'node:child_process';

/**
 * Runs a database tool on the worker's host to completion, ticking every 2 s (heartbeats). Its output's
 * tail names a failure: the tools print errors, never credentials, which reach them through `env`
 * rather than argv (which `ps` shows). Only PATH of the worker's own environment passes.
 */
export function runTool(params: {
  command: string;
  args: string[];
  env: Record<string, string>;
  signal: AbortSignal;
  onTick: () => unknown;
  /** Keep stdout too, for tools (scripts) that report failures there; default stderr only. */
  stdout?: boolean;
}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(params.command, params.args, {
      env: { PATH: process.env.PATH ?? '', ...params.env },
      stdio: ['ignore', params.stdout ? 'pipe' : 'ignore', 'pipe'],
      signal: params.signal,
    });
    let output = '';
    const keep = (d: Buffer) => {
      output = (output + d).slice(-4000);
    };
    child.stderr?.on('data', keep);
    child.stdout?.on('data', keep);
    const tick = setInterval(() => void params.onTick(), 2000);
    child.on('error', (error) => {
      clearInterval(tick);
      reject(error);
    });
    child.on('close', (code) => {
      clearInterval(tick);
      if (code === 0) resolve();
      else
        reject(
          Object.assign(new Error(`${params.command} exited with ${code}: ${output.trim()}`), {
            exitCode: code,
          }),
        );
    });
  });
}
