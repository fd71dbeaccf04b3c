import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

/** Debian's chromium, which the bootstrap installs (playwright-core never downloads a browser). */
export const CHROMIUM = '/usr/bin/chromium';

/** Where screenshots go (gitignored): kept as the test run's artifacts. */
export const SCREENSHOT_DIR = path.resolve('test-results/screenshots');

export const WIDTHS = { desktop: 1280, phone: 390 } as const;

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Browser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/**
 * A fresh chromium profile (its own user-data-dir) whose every request carries `Authorization: Bearer
 * <token>`: the credential stands in for the sign-in cookie the dashboard gets in production. Fails
 * loudly, naming the fix, when chromium is missing.
 */
export async function openBrowser(params: { token?: string; width?: number }): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing: run \`sh local/stack/bootstrap.sh\` (it apt-get installs chromium)`,
    );
  }
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'msx-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: params.width ?? WIDTHS.desktop, height: 900 },
    ...(params.token ? { extraHTTPHeaders: { authorization: `Bearer ${params.token}` } } : {}),
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close().catch(() => {});
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Full-page screenshots of the page at both widths: `<name>-1280.png` and `<name>-390.png`. */
export async function screenshotBothWidths(page: Page, name: string): Promise<string[]> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const original = page.viewportSize();
  const files: string[] = [];
  for (const width of [WIDTHS.desktop, WIDTHS.phone]) {
    await page.setViewportSize({ width, height: 900 });
    const file = path.join(SCREENSHOT_DIR, `${name}-${width}.png`);
    await page.screenshot({ path: file, fullPage: true });
    files.push(file);
  }
  if (original) await page.setViewportSize(original);
  return files;
}
