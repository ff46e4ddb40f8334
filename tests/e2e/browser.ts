/**
 * Launches the real Chromium the browser tests drive: `CHROMIUM_PATH` when set (e.g. a
 * Debian `chromium`), otherwise the headless build shipped by @sparticuz/chromium.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Exactly the flags the project's CI machines need (no sandbox, no GPU, no background traffic). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

async function executablePath(): Promise<string> {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  const sparticuz = (await import('@sparticuz/chromium')).default;
  return sparticuz.executablePath();
}

/** A fresh headless browser; every context it makes starts with empty storage. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: await executablePath(),
    args: CHROMIUM_ARGS,
    headless: true,
  });
}

/** A new, isolated "person" (own cookies, own IndexedDB) at `baseURL`, laptop-sized. */
export async function newPerson(input: {
  browser: Browser;
  baseURL: string;
  /** The browser's language (navigator.language and Accept-Language); default en-US. */
  locale?: string;
  /**
   * The app's service worker (offline shell and API cache): blocked unless a story is about
   * it, so every other story sees the network exactly as its requests go out.
   */
  serviceWorkers?: 'allow' | 'block';
}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await input.browser.newContext({
    baseURL: input.baseURL,
    viewport: { width: 1366, height: 900 },
    locale: input.locale ?? 'en-US',
    serviceWorkers: input.serviceWorkers ?? 'block',
  });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  return { context, page };
}
