import { readFile } from 'node:fs/promises';
import { type Command, InvalidArgumentError } from 'commander';
import type { z } from 'zod';
import { ApiClient } from '../../api/client.js';
import type { CaptureView, DiffRunList, DiffRunView } from '../../api/schemas/diffs.js';
import { parseRequestSet, RequestSetError } from '../../diff/request-set.js';
import { CliError } from '../cli-error.js';
import { clientSettings } from '../contexts.js';
import { reportError } from '../error-report.js';
import { addOutputOptions, isDocument, type OutputOptions, outputFormat, printResult } from '../output.js';
import { progress } from '../progress.js';
import { addTimeoutOption } from '../wait.js';

type DiffRunBody = z.infer<typeof DiffRunView>;
type CaptureBody = z.infer<typeof CaptureView>;
type DiffReportBody = NonNullable<DiffRunBody['report']>;
type DiffRunListBody = z.infer<typeof DiffRunList>;

const POLL_MS = 1000;

function shown(value: unknown): string {
  const text = value === null || value === undefined ? '(absent)' : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** The report as a terminal table: one row per endpoint, then each difference with both values. */
export function renderDiffReport(run: { branch: string; baseline?: string }, report: DiffReportBody): string {
  const rows = report.endpoints.map((e) => [
    e.template,
    String(e.compared),
    String(e.equal),
    String(e.differing),
    String(e.failed),
    String(e.noiseIgnored.length),
    String(e.writesToBranch ?? 0),
  ]);
  const head = ['ENDPOINT', 'COMPARED', 'EQUAL', 'DIFFERING', 'FAILED', 'NOISE IGNORED', 'WRITES TO BRANCH'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  const lines = [
    `diff ${run.branch}${run.baseline ? ` against ${run.baseline}` : ''}: ${report.verdict} (${report.compared} compared, ${report.differing} differing, ${report.failed} failed, ${report.skipped} not sent, ${report.writesToBranch ?? 0} writes to the branch only)`,
    '',
    line(head),
    ...rows.map(line),
  ];
  for (const endpoint of report.endpoints) {
    if (endpoint.differences.length === 0 && endpoint.failures.length === 0) continue;
    lines.push('', `${endpoint.template}:`);
    for (const reason of endpoint.failures) lines.push(`  failed: ${reason}`);
    for (const d of endpoint.differences) {
      lines.push(
        `  ${d.path}  baseline ${shown(d.baseline)}  branch ${shown(d.branch)}  (${d.requests} request${d.requests === 1 ? '' : 's'})`,
      );
    }
    if (endpoint.noiseIgnored.length > 0) lines.push(`  noise ignored: ${endpoint.noiseIgnored.join(', ')}`);
  }
  const writes = report.endpoints.filter((e) => (e.writesToBranch ?? 0) > 0);
  if (writes.length > 0) {
    lines.push('', 'writes sent to the branch only (its own data; the baseline was not asked):');
    for (const e of writes)
      lines.push(`  ${e.template}: ${e.writesToBranch} (status ${(e.writeStatuses ?? []).join(', ')})`);
  }
  if ((report.skippedRequests ?? []).length > 0) {
    lines.push('', 'not sent:');
    for (const s of report.skippedRequests ?? []) lines.push(`  ${s.template} x${s.requests}: ${s.reason}`);
  }
  return lines.join('\n');
}

/** A branch's runs as a terminal table, newest first. */
export function renderDiffRuns(runs: DiffRunListBody['runs']): string {
  if (runs.length === 0) return 'no diff runs';
  const head = [
    'RUN',
    'STARTED',
    'STATE',
    'VERDICT',
    'COMPARED',
    'DIFFERING',
    'SKIPPED',
    'BASELINE',
    'SOURCE',
  ];
  const rows = runs.map((r) => [
    r.runId,
    r.startedAt ?? '',
    r.state,
    r.verdict ?? '-',
    String(r.counts?.compared ?? '-'),
    String(r.counts?.differing ?? '-'),
    String(r.counts?.skipped ?? '-'),
    r.baseline ?? '',
    r.source ?? '',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  return [head, ...rows]
    .map((cells) =>
      cells
        .map((c, i) => c.padEnd(widths[i]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** `--list` and `--show RUN`: past runs, read back from the API (kept after their workflows are gone). */
async function showPastRuns(
  branch: string,
  opts: OutputOptions & { list?: boolean; show?: string },
): Promise<void> {
  const format = outputFormat(opts);
  const api = new ApiClient(await clientSettings());
  const base = `/v1/environments/${encodeURIComponent(branch)}/diffs`;
  if (opts.list) {
    const { body } = await api.request<DiffRunListBody>({ method: 'GET', path: base });
    await printResult(format, {
      document: { ok: true, branch, runs: body.runs },
      table: () => renderDiffRuns(body.runs),
      names: () => body.runs.map((r) => r.runId),
    });
    return;
  }
  const { body: run } = await api.request<DiffRunBody>({
    method: 'GET',
    path: `${base}/${encodeURIComponent(opts.show!)}`,
  });
  const report = run.report;
  await printResult(format, {
    document: { ok: true, ...run },
    table: () =>
      report
        ? renderDiffReport({ branch: run.branch, baseline: run.baseline }, report)
        : `diff ${run.runId} of ${run.branch}: ${run.state}${run.message ? ` (${run.message})` : ''}${run.progress ? `, ${run.progress.done}/${run.progress.total} requests compared` : ''}`,
    names: () => [run.runId],
  });
  if (run.state === 'failed' || (report && report.verdict !== 'no-differences')) process.exitCode = 1;
}

function parseRate(value: string): number {
  const rate = Number(value);
  if (!Number.isFinite(rate) || rate <= 0 || rate > 1)
    throw new InvalidArgumentError('a share in (0, 1], e.g. 0.1 or 1');
  return rate;
}

/** `microstax env diff` and `microstax env capture`, under the `env` command. */
export function register(program: Command): void {
  const env = program.commands.find((c) => c.name() === 'env');
  if (!env) throw new Error('env-diff registers under the env command');

  addTimeoutOption(
    addOutputOptions(
      env
        .command('diff')
        .description('compare how a branch answers with how its baseline answers, noise learned and ignored')
        .argument('<branch>', 'the branch environment (id or name)')
        .option('--list', "list the branch's past diff runs (newest first) instead of starting one")
        .option('--show <run>', 'show one past run (its report) instead of starting one')
        .option(
          '--against <baseline>',
          'its baseline (default: the environment it branched from; others are refused)',
        )
        .option(
          '--requests <file>',
          "a HAR file or a JSON request list to replay (default: the baseline's captured requests)",
        )
        .addHelpText(
          'after',
          `
Each request goes to the baseline twice and to the branch once. Fields that differ between the
baseline's own two answers (timestamps, request ids) are noise for that endpoint (ids in paths are
collapsed: GET /carts/{id}) and ignored; the rest is reported per endpoint with both values
(credential-shaped values masked). Writes (POST, PUT, PATCH, DELETE) never reach the baseline: they go
to the branch only when every data service it uses is forked and nothing the target service reaches
is the baseline's; otherwise they are skipped, and the report says why.

Runs are kept: microstax env diff BRANCH --list, microstax env diff BRANCH --show RUN.

Request list format (JSON):
  { "requests": [ { "service": "api", "method": "GET", "path": "/products?page=1",
                    "headers": { "accept": "application/json" }, "body": "..." } ] }
A HAR file's entries use their URL's first host label as the service. Authorization, Cookie and other
credential headers are dropped before anything is sent.

Capture requests at the baseline's gateway first: microstax env capture BASELINE --rate 0.5
Exit codes: 0 no differences, 1 differences found or the diff failed, 2 usage error.`,
        ),
    ),
    'the diff',
  ).action(
    async (
      branch: string,
      opts: OutputOptions & {
        against?: string;
        requests?: string;
        timeout: number;
        list?: boolean;
        show?: string;
      },
    ) => {
      const format = outputFormat(opts);
      try {
        if (opts.list || opts.show !== undefined) {
          if ((opts.list && opts.show !== undefined) || opts.against || opts.requests) {
            throw new CliError({
              type: 'invalid-input',
              message: '--list and --show read past runs: use one, without --against or --requests',
              field: opts.list ? '--list' : '--show',
            });
          }
          await showPastRuns(branch, opts);
          return;
        }
        let requests: ReturnType<typeof parseRequestSet> | undefined;
        if (opts.requests) {
          let text: string;
          try {
            text = await readFile(opts.requests, 'utf8');
          } catch (error) {
            throw new CliError({
              type: 'invalid-input',
              message: `cannot read ${opts.requests}: ${(error as Error).message}`,
              field: '--requests',
            });
          }
          try {
            requests = parseRequestSet(text, opts.requests);
          } catch (error) {
            if (error instanceof RequestSetError) {
              throw new CliError({
                type: 'invalid-input',
                message: error.message,
                field: error.params.field ?? '--requests',
                hint: 'see `microstax env diff --help` for the format',
              });
            }
            throw error;
          }
        }
        const api = new ApiClient(await clientSettings());
        const { body: started } = await api.request<DiffRunBody>({
          method: 'POST',
          path: `/v1/environments/${encodeURIComponent(branch)}/diffs`,
          body: { ...(opts.against && { against: opts.against }), ...(requests && { requests }) },
        });
        progress(
          `diff ${started.runId}: ${started.branch} against ${started.baseline}, ${started.requests} requests`,
        );
        const deadline = Date.now() + opts.timeout;
        let run = started;
        let lastDone = -1;
        while (run.state === 'running') {
          if (Date.now() > deadline)
            throw new CliError({
              type: 'timeout',
              message: `diff ${started.runId} still running after the timeout`,
              hint: `read it later: GET /v1/environments/${started.branch}/diffs/${started.runId}`,
            });
          await new Promise((resolve) => setTimeout(resolve, POLL_MS));
          ({ body: run } = await api.request<DiffRunBody>({
            method: 'GET',
            path: `/v1/environments/${encodeURIComponent(started.branch)}/diffs/${started.runId}`,
          }));
          if (run.progress && run.progress.done !== lastDone) {
            lastDone = run.progress.done;
            progress(`  ${run.progress.done}/${run.progress.total} requests compared`);
          }
        }
        if (run.state === 'failed' || !run.report) {
          throw new CliError({
            type: 'api',
            message: `diff ${started.runId} failed: ${run.message ?? 'no report'}`,
          });
        }
        const report = run.report;
        await printResult(format, {
          document: {
            ok: true,
            runId: started.runId,
            branch: started.branch,
            baseline: started.baseline,
            report,
          },
          table: () => renderDiffReport({ branch: started.branch, baseline: started.baseline }, report),
          names: () => [started.runId],
        });
        if (report.verdict !== 'no-differences') process.exitCode = 1;
      } catch (error) {
        process.exitCode = await reportError(error, format);
      }
    },
  );

  addOutputOptions(
    env
      .command('capture')
      .description("record a sample of an environment's requests at the gateway, for diffs (off by default)")
      .argument('<id>', 'environment id or name')
      .option('--rate <share>', 'share of requests recorded, in (0, 1]', parseRate)
      .option(
        '--max-body <bytes>',
        'requests with a larger body are not replayed (default 16384, at most 65536)',
        (v) => Number(v),
      )
      .option('--max-requests <n>', 'keep the newest n (default 1000)', (v) => Number(v))
      .option('--off', 'turn capture off and delete what was captured'),
  ).action(
    async (
      id: string,
      opts: OutputOptions & { rate?: number; maxBody?: number; maxRequests?: number; off?: boolean },
    ) => {
      const format = outputFormat(opts);
      try {
        const api = new ApiClient(await clientSettings());
        const path = `/v1/environments/${encodeURIComponent(id)}/traffic-capture`;
        const { body } = opts.off
          ? await api.request<CaptureBody>({ method: 'DELETE', path })
          : opts.rate !== undefined
            ? await api.request<CaptureBody>({
                method: 'PUT',
                path,
                body: {
                  sampleRate: opts.rate,
                  ...(opts.maxBody !== undefined && { maxBodyBytes: opts.maxBody }),
                  ...(opts.maxRequests !== undefined && { maxRequests: opts.maxRequests }),
                },
              })
            : await api.request<CaptureBody>({ method: 'GET', path });
        await printResult(format, {
          document: { ok: true, capture: body },
          table: () =>
            body.enabled
              ? `${body.environmentId}: capturing ${Math.round((body.sampleRate ?? 0) * 100)}% of requests (bodies up to ${body.maxBodyBytes} bytes, newest ${body.maxRequests} kept); ${body.captured} captured`
              : `${body.environmentId}: capture off; ${body.captured} captured`,
          names: () => [body.environmentId],
        });
        if (!isDocument(format) && body.enabled && body.captured === 0)
          progress('send it some traffic; a diff replays what was captured');
      } catch (error) {
        process.exitCode = await reportError(error, format);
      }
    },
  );
}
