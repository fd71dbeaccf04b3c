import { CLI_CLIENT_ID, TEST_USER_PASSWORD } from '../../../../local/stack/oidc.js';

/** An ID token for the CLI client straight from Dex (a password grant: what the device flow ends with). */
export async function dexIdToken(issuer: string, login: string): Promise<string> {
  const response = await fetch(`${issuer}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'password',
      client_id: CLI_CLIENT_ID,
      username: login,
      password: TEST_USER_PASSWORD,
      scope: 'openid email profile groups',
    }),
  });
  const body = (await response.json()) as { id_token?: string; error?: string };
  if (!body.id_token) throw new Error(`Dex gave no ID token: ${JSON.stringify(body)}`);
  return body.id_token;
}

/**
 * Signs a test user in through the real Dex the way a browser would, with plain HTTP: follows the
 * redirects from the authorization URL to the login form, posts the form, and follows on until Dex
 * sends the browser to `redirectPrefix` (the API's callback), whose URL it returns.
 */
export async function followDexLogin(params: {
  authorizationUrl: string;
  redirectPrefix: string;
  login: string;
  password: string;
}): Promise<URL> {
  let url = params.authorizationUrl;
  let form: { action: string } | null = null;
  for (let hop = 0; hop < 10 && !form; hop++) {
    const response = await fetch(url, { redirect: 'manual' });
    const location = response.headers.get('location');
    if (location) {
      url = new URL(location, url).href;
      if (url.startsWith(params.redirectPrefix)) return new URL(url);
      continue;
    }
    const html = await response.text();
    if (response.status !== 200)
      throw new Error(`Dex answered ${response.status} at ${url}: ${html.slice(0, 300)}`);
    const action = /<form[^>]*action="([^"]*)"/i.exec(html)?.[1];
    if (!action) throw new Error(`no login form at ${url}: ${html.slice(0, 300)}`);
    form = { action: new URL(action.replaceAll('&amp;', '&'), url).href };
  }
  if (!form) throw new Error(`no login form after 10 redirects from ${params.authorizationUrl}`);
  let response = await fetch(form.action, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ login: params.login, password: params.password }),
  });
  for (let hop = 0; hop < 10; hop++) {
    const location = response.headers.get('location');
    if (!location) {
      const html = await response.text();
      throw new Error(
        `Dex did not redirect after the login form (${response.status}): ${html.slice(0, 300)}`,
      );
    }
    const next = new URL(location, response.url || form.action);
    if (next.href.startsWith(params.redirectPrefix)) return next;
    response = await fetch(next, { redirect: 'manual' });
  }
  throw new Error('Dex never redirected to the callback');
}

/**
 * Confirms a device-flow code the way a person would in a browser: opens the verification URL,
 * submits the code form, then the login form, following Dex's redirects until a page with no form
 * (Dex's "signed in" page) is reached.
 */
export async function confirmDeviceCode(params: {
  verificationUrl: string;
  login: string;
  password: string;
}) {
  let request: { url: string; init?: RequestInit } = { url: params.verificationUrl };
  for (let step = 0; step < 20; step++) {
    const response = await fetch(request.url, { ...request.init, redirect: 'manual' });
    const location = response.headers.get('location');
    if (location) {
      request = { url: new URL(location, request.url).href };
      continue;
    }
    const html = await response.text();
    if (response.status !== 200)
      throw new Error(`Dex answered ${response.status} at ${request.url}: ${html.slice(0, 300)}`);
    const action = /<form[^>]*action="([^"]*)"/i.exec(html)?.[1];
    if (!action) return;
    const url = new URL(action.replaceAll('&amp;', '&'), request.url).href;
    const userCode = /name="user_code"[^>]*value="([^"]*)"/i.exec(html)?.[1];
    const fields: Record<string, string> | null = userCode
      ? { user_code: userCode }
      : /name="password"/i.test(html)
        ? { login: params.login, password: params.password }
        : null;
    if (!fields) throw new Error(`an unexpected form at ${request.url}: ${html.slice(0, 300)}`);
    request = {
      url,
      init: {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields),
      },
    };
  }
  throw new Error('the device confirmation did not finish in 20 steps');
}
