import type { DiffSummary, EnvironmentSummary } from './ports.js';

/** Hidden in every comment the integration writes, so a lost comment id is found again. */
export function commentMarker(repository: string, number: number): string {
  return `<!-- microstax:pull-request ${repository}#${number} -->`;
}

/** Where the pull request's environment stands, as the comment says it. */
export type CommentState = 'deploying' | 'ready' | 'failed' | 'closed' | 'deleted';

export interface CommentView {
  repository: string;
  number: number;
  state: CommentState;
  sha: string;
  environment?: EnvironmentSummary;
  /** Why it failed, in a sentence (never a secret). */
  error?: string;
  /** Closed: when the sleeping environment is deleted unless the pull request is reopened. */
  deleteAt?: string;
  /** The environment's newest traffic diff against its baseline, if it has one. */
  diff?: DiffSummary;
}

const HEADLINE: Record<CommentState, string> = {
  deploying: '⏳ Deploying the environment of this pull request',
  ready: '✅ The environment of this pull request is ready',
  failed: '❌ The environment of this pull request failed',
  closed: '💤 The environment of this pull request sleeps (pull request closed)',
  deleted: '🗑️ The environment of this pull request was deleted (pull request closed)',
};

/** Markdown-safe inline text: no table or HTML breakouts from names, URLs or reasons. */
function inline(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/[|<>`]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The one comment the integration keeps on a pull request: state, commit, URLs, plan summary (what runs
 * in the PR's environment and what is reused from the baseline, and why) and expiry.
 */
export function renderComment(view: CommentView): string {
  const env = view.environment;
  const lines = [commentMarker(view.repository, view.number), `### ${HEADLINE[view.state]}`, ''];
  lines.push(`Commit \`${view.sha.slice(0, 7)}\`${env ? ` · environment \`${inline(env.id)}\`` : ''}`);
  if (view.error) lines.push('', `**Error:** ${inline(view.error)}`);
  if (view.state === 'closed' && view.deleteAt) {
    lines.push(
      '',
      `It will be deleted at ${inline(view.deleteAt)} unless the pull request is reopened before.`,
    );
  }
  if (env && view.state !== 'deleted' && view.state !== 'closed') {
    lines.push('', ...environmentLines(env, view.diff));
  }
  return lines.join('\n');
}

/** URLs, plan (what runs here, what is reused and why) and expiry: the comment's body and a check's summary. */
export function environmentLines(env: EnvironmentSummary, diff?: DiffSummary): string[] {
  const lines: string[] = [];
  const urls = Object.entries(env.urls).sort(([a], [b]) => a.localeCompare(b));
  if (urls.length > 0) {
    lines.push('| Service | URL |', '| --- | --- |');
    for (const [service, url] of urls) lines.push(`| ${inline(service)} | ${inline(url)} |`);
    lines.push('');
  }
  lines.push(...planLines(env));
  if (diff) lines.push('', ...diffLines(diff));
  if (env.expiresAt) lines.push('', `Expires ${env.expiresAt}.`);
  return lines;
}

/** A check's one-line title for a finished environment. */
export function checkTitle(env: EnvironmentSummary | null): string {
  if (!env) return 'Environment missing';
  if (env.phase !== 'ready') return `Environment ${env.phase}${env.error ? `: ${env.error}` : ''}`;
  const reused = env.plan?.filter((s) => s.action === 'reuse').length ?? 0;
  const runs = env.plan ? env.plan.length - reused : env.services.length;
  return `Environment ready: ${runs} service${runs === 1 ? '' : 's'} run here${reused ? `, ${reused} reused from the baseline` : ''}`;
}

const VERDICT: Record<DiffSummary['verdict'], string> = {
  'no-differences': 'no differences',
  differences: 'differences found',
  incomplete: 'incomplete (some requests could not be compared)',
};

/** The traffic diff section: verdict, per-endpoint counts, the differing paths seen most. */
function diffLines(diff: DiffSummary): string[] {
  const lines = [
    `**Traffic diff** against \`${inline(diff.baseline)}\`: ${VERDICT[diff.verdict]} (${diff.compared} compared, ${diff.differing} differing, ${diff.skipped} not sent) · run \`${inline(diff.runId)}\``,
    '',
    '| Endpoint | Compared | Differing |',
    '| --- | --- | --- |',
    ...diff.endpoints.map((e) => `| ${inline(e.template)} | ${e.compared} | ${e.differing} |`),
  ];
  if (diff.topPaths.length > 0) {
    lines.push('', 'Top differing paths:');
    for (const p of diff.topPaths)
      lines.push(
        `- ${inline(p.template)} \`${inline(p.path)}\` (${p.requests} request${p.requests === 1 ? '' : 's'})`,
      );
  }
  return lines;
}

function planLines(env: EnvironmentSummary): string[] {
  if (!env.plan) {
    return [`All ${env.services.length} services run in this environment (no baseline to reuse from).`];
  }
  const runs = env.plan.filter((s) => s.action !== 'reuse');
  const reused = env.plan.filter((s) => s.action === 'reuse');
  const lines = [`**Plan:** ${runs.length} run here, ${reused.length} reused from the baseline.`, ''];
  lines.push('| Service | | Why |', '| --- | --- | --- |');
  for (const s of env.plan) {
    const what =
      s.action === 'reuse' ? 'reused from baseline' : s.action === 'fork' ? 'runs here (fork)' : 'runs here';
    lines.push(`| ${inline(s.name)} | ${what} | ${inline(s.reasons.join('; ') || '—')} |`);
  }
  return lines;
}
