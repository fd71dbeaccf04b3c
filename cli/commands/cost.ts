import type { Command } from 'commander';
import { ApiClient } from '../../api/client.js';
import type { CostReportBody } from '../api-types.js';
import { clientSettings } from '../contexts.js';
import { reportError } from '../error-report.js';
import { addOutputOptions, type OutputOptions, outputFormat, printResult } from '../output.js';

export const COST_SUMMARY =
  'what environments cost per team per day, and what sleeping and branch reuse saved (from the API)';

/** `microstax cost`: the API's GET /v1/costs as a table, or -o json|yaml. */
export function register(program: Command): void {
  addOutputOptions(
    program
      .command('cost')
      .description(COST_SUMMARY)
      .option('--from <day>', 'first UTC day, YYYY-MM-DD (default 6 days before --to)')
      .option('--to <day>', 'last UTC day, YYYY-MM-DD (default today)')
      .option('--team <team>', 'one team (admins: any, default all; members: their own)')
      .addHelpText(
        'after',
        "\nCost is billed from ready until an environment sleeps or ends: its pods' requests x the hourly price of\nthe nodes they run on (node label microstax.dev/hourly-price), as a share of the node. Asleep costs nothing.\n\nExamples:\n  microstax cost\n  microstax cost --from 2026-12-01 --to 2026-12-07 -o json",
      ),
  ).action(async (opts: OutputOptions & { from?: string; to?: string; team?: string }) => {
    try {
      const query = new URLSearchParams();
      for (const key of ['from', 'to', 'team'] as const) if (opts[key]) query.set(key, opts[key]);
      const api = new ApiClient(await clientSettings());
      const { body } = await api.request<CostReportBody>({
        path: query.size > 0 ? `/v1/costs?${query}` : '/v1/costs',
      });
      const row = (cells: string[]) =>
        cells.map((c, i) => (i < 2 ? c.padEnd(i === 0 ? 11 : 16) : c.padStart(12))).join(' ');
      const money = (n: number) => n.toFixed(4);
      await printResult(outputFormat(opts), {
        document: { ok: true, ...body },
        table: () =>
          [
            row(['DAY', 'TEAM', 'ENVS', 'COST', 'RUN HOURS', 'SAVED SLEEP', 'SAVED REUSE']),
            ...body.days.map((d) =>
              row([
                d.day,
                d.team,
                String(d.environments),
                money(d.accrued),
                d.runningHours.toFixed(2),
                money(d.savedBySleeping),
                money(d.savedByReuse),
              ]),
            ),
            row([
              'total',
              `${body.from}..${body.to}`,
              '',
              money(body.total.accrued),
              body.total.runningHours.toFixed(2),
              money(body.total.savedBySleeping),
              money(body.total.savedByReuse),
            ]),
          ].join('\n'),
        names: () => body.days.map((d) => `${d.day}/${d.team}`),
      });
    } catch (error) {
      process.exitCode = await reportError(error, outputFormat(opts));
    }
  });
}
