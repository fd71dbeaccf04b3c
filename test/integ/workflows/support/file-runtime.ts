import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { EnvironmentRuntime } from '../../../../activities/ports.js';
import type { ServiceProgress } from '../../../../workflows/contracts.js';

/** What the file runtime keeps per environment: one file, like one namespace. */
export interface FileEnvironmentRecord {
  id: string;
  applies: number;
  readyCount: number;
}

/**
 * A runtime whose state lives in files, so it survives the worker process being killed (crash tests run
 * the worker in a child process). One file per environment stands for its namespace: a second file, or
 * one left after teardown, would be a duplicate or an orphan.
 */
export class FileRuntime implements EnvironmentRuntime {
  constructor(
    private readonly dir: string,
    private readonly options: { serviceDelayMs?: number; afterApply?: () => void } = {},
  ) {}

  private file(id: string): string {
    return join(this.dir, `${id}.json`);
  }

  async read(id: string): Promise<FileEnvironmentRecord | null> {
    try {
      return JSON.parse(await readFile(this.file(id), 'utf8'));
    } catch {
      return null;
    }
  }

  async deploy(params: Parameters<EnvironmentRuntime['deploy']>[0]) {
    await mkdir(this.dir, { recursive: true });
    const id = params.environment.id;
    const record = (await this.read(id)) ?? { id, applies: 0, readyCount: 0 };
    record.applies++;
    await writeFile(this.file(id), JSON.stringify(record));
    this.options.afterApply?.();
    const services: ServiceProgress[] = params.blueprint.services.map((s) => ({
      name: s.name,
      state: 'waiting',
    }));
    params.onProgress(structuredClone(services));
    for (const service of services) {
      await new Promise((resolve, reject) => {
        const timer = setTimeout(resolve, this.options.serviceDelayMs ?? 10);
        params.signal.addEventListener('abort', () => {
          clearTimeout(timer);
          reject(params.signal.reason);
        });
      });
      service.state = 'ready';
      params.onProgress(structuredClone(services));
    }
    record.readyCount++;
    await writeFile(this.file(id), JSON.stringify(record));
    return { urls: {}, services };
  }

  async runInitSteps() {
    return { stepsRun: 0 };
  }

  async teardown(params: { environmentId: string }) {
    const existed = (await this.read(params.environmentId)) !== null;
    await rm(this.file(params.environmentId), { force: true });
    return { existed };
  }
}
