import { environmentHref } from '../router';
import { Link } from './link';

/** The branch plan as the API stores it (planner/types.ts BranchPlan): where each service runs, and why. */
export interface BranchPlan {
  services: { name: string; action: 'deploy' | 'fork' | 'reuse'; reasons: string[] }[];
  summary: { deploy: number; fork: number; reuse: number; removed: string[] };
}

/** The branch plan of an environment's view (`plan.branch`, api/pending-environment.ts), when it has one. */
export function branchPlanOf(plan: unknown): BranchPlan | null {
  const candidate = (plan as { branch?: Partial<BranchPlan> } | null | undefined)?.branch;
  if (!candidate || !Array.isArray(candidate.services) || !candidate.summary) return null;
  return candidate as BranchPlan;
}

/** planner/branching/format-plan.ts's words for each action. */
const WHERE = {
  deploy: 'runs here (new build)',
  fork: 'runs here (copy)',
  reuse: 'reused from the baseline',
} as const;

const NODE_W = 224;
const NODE_H = 40;
const GAP = 14;
const COLUMN = [8, 312, 616];

/**
 * Which services run in this environment and which it reuses from its parent, drawn as a graph:
 * services running here on the left, reused ones in the middle with an edge to the environment that
 * serves them. The table below says the same in words, with every reason (and is what a screen
 * reader reads; the drawing is hidden from it).
 */
export function PlanGraph(props: { plan: BranchPlan; environmentId: string; parent: string }) {
  const { plan, environmentId, parent } = props;
  const local = plan.services.filter((s) => s.action !== 'reuse');
  const reused = plan.services.filter((s) => s.action === 'reuse');
  const rows = Math.max(local.length, reused.length, 1);
  const top = 34;
  const height = top + rows * (NODE_H + GAP) + 8;
  const yOf = (index: number) => top + index * (NODE_H + GAP);
  const parentY = top + ((rows - 1) * (NODE_H + GAP)) / 2;
  return (
    <figure className="plan">
      <div className="graph-scroll">
        <svg
          viewBox={`0 0 ${COLUMN[2]! + NODE_W + 8} ${height}`}
          role="img"
          aria-label={`Plan: ${local.length} services run in this environment, ${reused.length} reused from ${parent}`}
          data-testid="plan-graph"
        >
          <defs>
            <marker
              id="arrow"
              viewBox="0 0 10 10"
              refX="9"
              refY="5"
              markerWidth="7"
              markerHeight="7"
              orient="auto"
            >
              <path d="M0,0 L10,5 L0,10 z" className="edge-head" />
            </marker>
          </defs>
          <text x={COLUMN[0]} y={18} className="lane">
            Runs in {environmentId}
          </text>
          <text x={COLUMN[1]} y={18} className="lane">
            Reused
          </text>
          <text x={COLUMN[2]} y={18} className="lane">
            Served by the parent
          </text>
          {local.map((service, i) => (
            <g
              key={service.name}
              className={`node node-${service.action}`}
              data-service={service.name}
              data-where="local"
            >
              <title>{`${service.name}: ${WHERE[service.action]}. ${service.reasons.join(' ')}`}</title>
              <rect x={COLUMN[0]} y={yOf(i)} width={NODE_W} height={NODE_H} rx={6} />
              <text x={COLUMN[0]! + 10} y={yOf(i) + 17} className="node-name">
                {service.name}
              </text>
              <text x={COLUMN[0]! + 10} y={yOf(i) + 32} className="node-note">
                {service.action === 'deploy' ? 'deploy: new build' : 'fork: own copy'}
              </text>
            </g>
          ))}
          {reused.map((service, i) => (
            <g key={service.name} className="node node-reuse" data-service={service.name} data-where="reused">
              <title>{`${service.name}: ${WHERE.reuse}. ${service.reasons.join(' ')}`}</title>
              <rect x={COLUMN[1]} y={yOf(i)} width={NODE_W} height={NODE_H} rx={6} />
              <text x={COLUMN[1]! + 10} y={yOf(i) + 17} className="node-name">
                {service.name}
              </text>
              <text x={COLUMN[1]! + 10} y={yOf(i) + 32} className="node-note">
                reuse
              </text>
              <path
                className="edge"
                d={`M${COLUMN[1]! + NODE_W},${yOf(i) + NODE_H / 2} C${COLUMN[2]! - 40},${yOf(i) + NODE_H / 2} ${COLUMN[2]! - 50},${parentY + NODE_H / 2} ${COLUMN[2]! - 2},${parentY + NODE_H / 2}`}
                markerEnd="url(#arrow)"
              />
            </g>
          ))}
          {reused.length > 0 && (
            <g className="node node-parent">
              <rect x={COLUMN[2]} y={parentY} width={NODE_W} height={NODE_H} rx={6} />
              <text x={COLUMN[2]! + 10} y={parentY + 17} className="node-name">
                {parent}
              </text>
              <text x={COLUMN[2]! + 10} y={parentY + 32} className="node-note">
                parent environment
              </text>
            </g>
          )}
        </svg>
      </div>
      <figcaption>
        {plan.summary.deploy + plan.summary.fork} of {plan.services.length} services run in this environment (
        {plan.summary.deploy} deploy, {plan.summary.fork} fork), {plan.summary.reuse} reused from{' '}
        <Link href={environmentHref(parent)}>{parent}</Link>
        {plan.summary.removed.length > 0 && `; removed in the branch: ${plan.summary.removed.join(', ')}`}.
      </figcaption>
      <div className="table-scroll">
        <table className="plan-table">
          <caption className="visually-hidden">Plan per service</caption>
          <thead>
            <tr>
              <th scope="col">Service</th>
              <th scope="col">Runs</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {plan.services.map((service) => (
              <tr key={service.name} data-service={service.name} data-action={service.action}>
                <th scope="row">{service.name}</th>
                <td>{WHERE[service.action]}</td>
                <td>
                  {service.reasons.length === 0 ? (
                    <span className="muted">—</span>
                  ) : (
                    <ul className="reasons">
                      {service.reasons.map((reason) => (
                        <li key={reason}>{reason}</li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
