import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { type EnvironmentCost, teamDailyCosts } from '../../store/environment-costs.js';
import { actingTeam, requireUser } from '../access.js';
import { costView } from '../environment-view.js';
import { badRequest } from '../errors.js';
import { standardErrors } from '../schemas/common.js';
import { CostReport, CostsQuery } from '../schemas/environments.js';

/** The longest report: a year of days. */
export const MAX_COST_REPORT_DAYS = 366;
const DAY_MS = 86_400_000;

/** A YYYY-MM-DD that names a real day, as UTC midnight; 400 naming the field otherwise. */
function utcDay(text: string, field: string): Date {
  const date = new Date(`${text}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text) {
    throw badRequest(`${text} is not a calendar day`, field);
  }
  const year = date.getUTCFullYear();
  if (year < 1970 || year > 9000) throw badRequest(`${text} is outside 1970-9000`, field);
  return date;
}

/**
 * GET /v1/costs: cost per team per UTC day from what environments' pods ran on (store/environment-costs.ts),
 * with what sleeping and branch reuse saved. Members see their team; admins any team, or all.
 */
const costRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/costs',
    {
      schema: {
        tags: ['costs'],
        summary: 'Cost per team per day, with the savings of sleeping and of branch reuse',
        querystring: CostsQuery,
        response: { 200: CostReport, ...standardErrors },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const q = request.query;
      const teams = user.role === 'admin' && q.team === undefined ? undefined : [actingTeam(user, q.team)];
      const today = new Date(new Date().toISOString().slice(0, 10));
      const to = q.to ? utcDay(q.to, 'query.to') : today;
      const from = q.from ? utcDay(q.from, 'query.from') : new Date(to.getTime() - 6 * DAY_MS);
      if (from > to)
        throw badRequest(`from (${q.from}) is after to (${to.toISOString().slice(0, 10)})`, 'query.from');
      const days = (to.getTime() - from.getTime()) / DAY_MS + 1;
      if (days > MAX_COST_REPORT_DAYS) {
        throw badRequest(`the report spans ${days} days; at most ${MAX_COST_REPORT_DAYS}`, 'query.from');
      }
      const rows = await teamDailyCosts(app.db, { from, to: new Date(to.getTime() + DAY_MS), teams });
      const total: EnvironmentCost = {
        runningSeconds: 0,
        asleepSeconds: 0,
        accrued: 0,
        neverSleeping: 0,
        cloneAll: 0,
      };
      for (const row of rows) {
        for (const key of Object.keys(total) as (keyof EnvironmentCost)[]) total[key] += row[key];
      }
      return {
        from: from.toISOString().slice(0, 10),
        to: to.toISOString().slice(0, 10),
        days: rows.map((row) => ({
          team: row.team,
          day: row.day,
          environments: row.environments,
          ...costView(row),
        })),
        total: costView(total),
      };
    },
  );
};

export default costRoutes;
