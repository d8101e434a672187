import { preview, type PreviewServer } from 'vite';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium, never a downloaded one. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** The flags every headless run uses: no GPU, and no background traffic to Google's hosts. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/** Serves dist/ (run `vite build` first) on a free loopback port. */
export async function startPreview(): Promise<{ server: PreviewServer; url: string }> {
  const server = await preview({ logLevel: 'error', preview: { host: '127.0.0.1', port: 0, strictPort: false } });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no TCP address');
  return { server, url: `http://127.0.0.1:${address.port}/` };
}

/** Waits until the map has loaded its data and finished its first render. */
export async function waitForMap(page: Page, timeout = 60000): Promise<void> {
  await page.waitForFunction(() => window.hljAirMap?.ready === true, null, { timeout, polling: 50 });
}

/** What a page did that a test must refuse: requests off the app's origin, console errors, failed responses. */
export interface PageWatch {
  offOrigin: string[];
  errors: string[];
}

/**
 * Opens the app in a fresh context and watches it: every request leaving the app's origin, every console
 * error, page error and HTTP error response is recorded for the test to assert on.
 */
export async function openApp(browser: Browser, url: string, options: { viewport?: { width: number; height: number }; acceptDownloads?: boolean } = {}): Promise<{ page: Page; watch: PageWatch }> {
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 800 }, locale: 'zh-CN', acceptDownloads: options.acceptDownloads ?? false });
  const page = await context.newPage();
  const watch: PageWatch = { offOrigin: [], errors: [] };
  const origin = new URL(url).origin;
  page.on('request', (request) => {
    const target = request.url();
    if (!target.startsWith('data:') && !target.startsWith('blob:') && new URL(target).origin !== origin) watch.offOrigin.push(target);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') watch.errors.push(message.text());
  });
  page.on('pageerror', (error) => watch.errors.push(String(error)));
  page.on('response', (response) => {
    if (response.status() >= 400) watch.errors.push(`HTTP ${response.status()} ${response.url()}`);
  });
  await page.goto(url);
  await waitForMap(page);
  return { page, watch };
}
