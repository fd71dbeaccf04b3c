import { describe, expect, it } from 'vitest';
import { workflowCodeSource } from '../../../temporal/worker.js';

const present =
  (...files: string[]) =>
  (file: string) =>
    files.includes(file);

describe('workflowCodeSource', () => {
  it('uses the bundle npm run build wrote beside the compiled code', () => {
    expect(
      workflowCodeSource({
        env: {},
        moduleFile: '/app/dist/temporal/worker.js',
        exists: present('/app/dist/workflow-bundle.js'),
      }),
    ).toEqual({ kind: 'prebuilt', codePath: '/app/dist/workflow-bundle.js' });
  });

  it('bundles at start when the compiled code has no bundle beside it', () => {
    expect(
      workflowCodeSource({ env: {}, moduleFile: '/app/dist/temporal/worker.js', exists: present() }),
    ).toEqual({ kind: 'bundle-at-start' });
  });

  it('never takes a bundle from beside the TypeScript sources, which may be older than the workflows', () => {
    expect(
      workflowCodeSource({
        env: {},
        moduleFile: '/repo/temporal/worker.ts',
        exists: present('/repo/workflow-bundle.js', '/repo/dist/workflow-bundle.js'),
      }),
    ).toEqual({ kind: 'bundle-at-start' });
  });

  it('prefers MICROSTAX_WORKFLOW_BUNDLE, from the sources too', () => {
    expect(
      workflowCodeSource({
        env: { MICROSTAX_WORKFLOW_BUNDLE: '/bundles/v2.js' },
        moduleFile: '/repo/temporal/worker.ts',
        exists: present('/bundles/v2.js', '/repo/dist/workflow-bundle.js'),
      }),
    ).toEqual({ kind: 'prebuilt', codePath: '/bundles/v2.js' });
  });

  it('fails when MICROSTAX_WORKFLOW_BUNDLE names no file, rather than bundling something else', () => {
    expect(() =>
      workflowCodeSource({
        env: { MICROSTAX_WORKFLOW_BUNDLE: '/bundles/missing.js' },
        moduleFile: '/app/dist/temporal/worker.js',
        exists: present('/app/dist/workflow-bundle.js'),
      }),
    ).toThrow('MICROSTAX_WORKFLOW_BUNDLE=/bundles/missing.js: no such file');
  });
});
