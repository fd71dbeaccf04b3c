import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { IMAGE_SPECS } from '../../../../local/images/catalog.js';
import type { ImageSpec } from '../../../../local/images/image-spec.js';
import {
  APP_DIR,
  MICROSTAX_APT_PACKAGES,
  MICROSTAX_IMAGE_CONFIG,
} from '../../../../local/images/microstax-image.js';

/**
 * The repository's Dockerfile builds, for Docker users, the image the builder makes without Docker
 * (`stack images --only microstax`). Docker cannot run here, so this reads the Dockerfile and holds its
 * runtime stage to the builder's definition: base release, packages, user, entrypoint, cmd, env, workdir.
 */

interface Instruction {
  keyword: string;
  args: string;
}

/** Instructions per stage, continuation lines joined, comments dropped. */
function parseDockerfile(text: string): Instruction[][] {
  const joined = text
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('#'))
    .join('\n')
    .replace(/\\\n/g, ' ');
  const stages: Instruction[][] = [];
  for (const line of joined.split('\n')) {
    const match = /^\s*([A-Za-z]+)\s+(.*)$/.exec(line);
    if (!match) continue;
    const instruction = { keyword: match[1]!.toUpperCase(), args: match[2]!.trim().replace(/\s+/g, ' ') };
    if (instruction.keyword === 'FROM') stages.push([]);
    stages.at(-1)?.push(instruction);
  }
  return stages;
}

const only = (stage: Instruction[], keyword: string): string[] =>
  stage.filter((instruction) => instruction.keyword === keyword).map((instruction) => instruction.args);

/** `KEY=value` pairs of ENV lines (unquoted values, as ours are). */
const envOf = (stage: Instruction[]) => only(stage, 'ENV').flatMap((args) => args.split(' '));

/** The package names of `apt-get install` in RUN lines. */
function aptInstalls(stage: Instruction[]): string[] {
  return only(stage, 'RUN').flatMap((run) =>
    run
      .split('&&')
      .map((command) => command.trim().split(' '))
      .filter((words) => words[0] === 'apt-get' && words.includes('install'))
      .flatMap((words) => words.slice(words.indexOf('install') + 1).filter((word) => !word.startsWith('-'))),
  );
}

/** An image's config as a runtime sees it: env merged by name from the base up, the rest from the nearest. */
function effectiveConfig(id: string) {
  const chain: ImageSpec[] = [];
  for (let spec = byId(id); spec; spec = spec.parent ? byId(spec.parent) : undefined) chain.unshift(spec);
  const env = new Map<string, string>();
  for (const spec of chain) {
    for (const entry of spec.config?.env ?? []) env.set(entry.slice(0, entry.indexOf('=')), entry);
  }
  return { env: [...env.values()], chain };
}

const byId = (id: string) => IMAGE_SPECS.find((spec) => spec.id === id);
const DEBIAN_IMAGE_PATH = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

let build: Instruction[];
let runtime: Instruction[];

beforeAll(async () => {
  const text = await readFile(fileURLToPath(new URL('../../../../Dockerfile', import.meta.url)), 'utf8');
  const stages = parseDockerfile(text);
  expect(stages).toHaveLength(2);
  [build, runtime] = stages as [Instruction[], Instruction[]];
});

describe('the Dockerfile and the image builder', () => {
  const microstax = byId('microstax')!;

  it('runs on the same Debian release', () => {
    const { chain } = effectiveConfig('microstax');
    const base = chain[0]!;
    expect(base.layer).toMatchObject({ kind: 'debootstrap', suite: 'trixie' });
    expect(only(runtime, 'FROM')).toEqual(['debian:trixie-slim']);
  });

  it('installs the same Debian packages', () => {
    const runtimeLayer = byId(microstax.parent!)!.layer;
    expect(runtimeLayer).toMatchObject({ kind: 'apt', packages: MICROSTAX_APT_PACKAGES });
    expect(aptInstalls(runtime).sort()).toEqual([...MICROSTAX_APT_PACKAGES].sort());
  });

  it('has the same user, entrypoint, cmd and working directory', () => {
    expect(microstax.config).toMatchObject(MICROSTAX_IMAGE_CONFIG);
    expect(only(runtime, 'USER')).toEqual([MICROSTAX_IMAGE_CONFIG.user]);
    expect(only(runtime, 'ENTRYPOINT').map((args) => JSON.parse(args))).toEqual([
      MICROSTAX_IMAGE_CONFIG.entrypoint,
    ]);
    expect(only(runtime, 'CMD').map((args) => JSON.parse(args))).toEqual([MICROSTAX_IMAGE_CONFIG.cmd]);
    expect(only(runtime, 'WORKDIR')).toEqual([MICROSTAX_IMAGE_CONFIG.workingDir]);
  });

  it("has the same environment (PATH is Debian's image default in both)", () => {
    const { env } = effectiveConfig('microstax');
    expect(env).toContain(DEBIAN_IMAGE_PATH);
    expect(envOf(runtime).sort()).toEqual(env.filter((entry) => entry !== DEBIAN_IMAGE_PATH).sort());
    expect(env).toEqual(expect.arrayContaining(['NODE_ENV=production']));
  });

  it('copies the compiled code and the production node_modules to the same place', () => {
    expect(only(runtime, 'COPY')).toEqual([
      `--from=build /src/dist ${APP_DIR}/dist`,
      `--from=build /prod/node_modules ${APP_DIR}/node_modules`,
    ]);
    const runs = only(build, 'RUN').join('\n');
    expect(runs).toContain('npm run build');
    expect(runs).toContain('npm ci --omit=dev --ignore-scripts');
    expect(only(build, 'FROM')[0]).toMatch(/ AS build$/);
  });
});
