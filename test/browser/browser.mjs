// Headless Chromium for the browser tests: Debian's chromium driven by playwright-core, and a page guard
// that records every console error, page error, dialog and request other than the page's own files.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export async function launch() {
  ensureChromium();
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

/**
 * Debian's chromium, installed now with apt if missing and we are root, as on a fresh CI machine (the e2e
 * suite's scripts/vscode/install.sh installs it too, but runs after these tests).
 */
function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  if (process.env.CHROMIUM) throw new Error(`no Chromium at ${CHROMIUM} (the CHROMIUM environment variable)`);
  console.log('browser tests: installing Debian chromium with apt-get');
  aptInstall('chromium');
  if (!existsSync(CHROMIUM)) throw new Error(`apt-get installed chromium, but not at ${CHROMIUM}`);
}

/** Installs a Debian package with apt-get: root only (as in CI), otherwise an error saying what to run. */
export function aptInstall(pkg) {
  if (process.getuid?.() !== 0) throw new Error(`${pkg} missing: apt-get install -y ${pkg} (as root)`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  spawnSync('apt-get', ['update', '-qq'], { env, stdio: 'ignore' });
  const r = spawnSync('apt-get', ['install', '-y', '-qq', pkg], { env, encoding: 'utf8' });
  if (r.status !== 0)
    throw new Error(`apt-get install ${pkg} failed: ${(r.stderr || r.stdout || '').trim().slice(-2000)}`);
}

/**
 * A page whose misbehaviour lands in `problems`: console errors and warnings (CSP violations among them),
 * uncaught errors, dialogs, and any request for something other than the `allowed` URLs (such requests
 * are also aborted).
 */
export async function guardedPage(
  browser,
  { allowed = [], viewport = { width: 1200, height: 1500 }, initScript } = {},
) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('dialog', (d) => {
    problems.push(`dialog ${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  page.on('request', (r) => {
    if (!allowed.includes(r.url())) problems.push(`request: ${r.url()}`);
  });
  await context.route('**/*', (route) => (allowed.includes(route.request().url()) ? route.continue() : route.abort()));
  if (initScript) await page.addInitScript(initScript);
  return { page, problems, close: () => context.close() };
}

/** Throws with `message` and the details when `condition` is false. */
export function check(condition, message, details) {
  if (!condition)
    throw new Error(
      details === undefined
        ? message
        : `${message}: ${typeof details === 'string' ? details : JSON.stringify(details)}`,
    );
}
