/**
 * The "waking up" page a browser gets when its environment is still waking after the gateway's hold
 * timeout: it says so and reloads itself, so the user lands on the app once it answers.
 */

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** True when the client prefers a page: browsers navigating send `Accept: text/html,...`. */
export function wantsHtml(accept: string | undefined): boolean {
  return /\btext\/html\b/.test(accept ?? '');
}

/**
 * A small self-contained HTML page (no scripts, no outside resources) that reloads itself after
 * `refreshSeconds`. `detail` is one line under the title (why it is still waiting, or why it failed).
 */
export function renderWakingPage(params: {
  environment: string;
  service: string;
  refreshSeconds: number;
  detail: string;
  /** False for a failed wake: the page still reloads, but says it failed. */
  waking: boolean;
}): string {
  const environment = escapeHtml(params.environment);
  const title = params.waking
    ? `${environment} is waking up`
    : `${environment} is asleep and could not be woken`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${params.refreshSeconds}">
<title>${title}</title>
<style>
body{font-family:system-ui,sans-serif;margin:0;min-height:100vh;display:flex;align-items:center;justify-content:center;background:#f6f7f9;color:#1d2330}
main{max-width:34rem;padding:2rem;text-align:center}
h1{font-size:1.4rem;margin:0 0 .8rem}
p{margin:.4rem 0;color:#4a5263}
code{background:#e8eaef;padding:.1rem .3rem;border-radius:3px}
</style>
</head>
<body>
<main>
<h1>${title}</h1>
<p>Service <code>${escapeHtml(params.service)}</code> of environment <code>${environment}</code> was asleep (scaled to zero to save resources).</p>
<p>${escapeHtml(params.detail)}</p>
<p>This page reloads itself in ${params.refreshSeconds} s.</p>
</main>
</body>
</html>
`;
}
