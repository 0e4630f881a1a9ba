// A real browser against the real server: `niva serve --demo` runs as a child process over its own test database,
// Chromium (Debian's, never a downloaded one) drives it, and axe-core checks pages against WCAG 2.1 A/AA.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { TestContext } from 'node:test';
import type { AxeResults, RunOptions } from 'axe-core';
import { type Browser, chromium, type Page } from 'playwright-core';
import { createTestStore, type TestStore } from './test-store.ts';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const haveBrowser = existsSync(chromiumPath);
const requireBrowser = process.env.NIVA_REQUIRE_BROWSER === '1';
/** The password of every demo user. */
export const demoPassword = 'demo-passord-2026';
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const axeOptions: RunOptions = { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } };

interface Violation {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

export interface BrowserSession {
  store: TestStore;
  browser: Browser;
  /** Where the server answers (127.0.0.1 and its port). */
  baseUrl: string;
  port: number;
  /** Everything the server printed so far. */
  output(): string;
  close(): Promise<void>;
}

/** Starts `niva serve --demo` on a free port and resolves with that port once the server says it is listening. */
function startServer(
  url: string,
  env: Record<string, string>,
): Promise<{ child: ChildProcess; port: number; output: () => string }> {
  const child = spawn(process.execPath, ['bin/niva', 'serve', '--demo', '--port', '0'], {
    env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'warn', NIVA_JOBS: 'off', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server did not start within 60 s\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, 60_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /Nivå is running on http:\/\/localhost:(\d+)/.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve({ child, port: Number(match[1]), output: () => `${stdout}\n${stderr}` });
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(
        new Error(`the server exited early (code ${code}, signal ${signal})\nstdout: ${stdout}\nstderr: ${stderr}`),
      );
    });
  });
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** A demo server over a new test database and a headless Chromium; null when there is no browser to drive. */
export async function startBrowserSession(env: Record<string, string> = {}): Promise<BrowserSession | null> {
  if (!haveBrowser) return null;
  const store = await createTestStore();
  const started = await startServer(store.url, env);
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    store,
    browser,
    // The server listens on all IPv4 interfaces; 127.0.0.1 avoids "localhost" resolving to ::1 first.
    baseUrl: `http://127.0.0.1:${started.port}`,
    port: started.port,
    output: started.output,
    async close() {
      await browser.close();
      await stopServer(started.child);
      await store.destroy();
    },
  };
}

/** The browser is a prerequisite: without it the tests skip, or fail when NIVA_REQUIRE_BROWSER=1 demands it. */
export function sessionOrSkip(t: TestContext, session: BrowserSession | null): BrowserSession | null {
  if (!haveBrowser) {
    if (requireBrowser)
      assert.fail(`NIVA_REQUIRE_BROWSER=1 but no Chromium at ${chromiumPath} (set CHROMIUM_PATH or install chromium)`);
    t.skip('chromium not installed');
    return null;
  }
  assert.ok(session, 'the browser session was not started');
  return session;
}

export async function newPage(session: BrowserSession, viewport?: { width: number; height: number }): Promise<Page> {
  // The app's CSP allows only same-origin scripts; bypassing it lets axe be injected as an inline script.
  const context = await session.browser.newContext({
    bypassCSP: true,
    baseURL: session.baseUrl,
    locale: 'nb-NO',
    ...(viewport ? { viewport } : {}),
  });
  return context.newPage();
}

/** Runs axe on the current page and fails on any serious or critical WCAG A/AA violation. */
export async function checkAccessibility(page: Page, label: string): Promise<void> {
  await page.addScriptTag({ content: axeSource });
  const violations: Violation[] = await page.evaluate(async (options) => {
    const runner = (window as unknown as { axe: { run(context: Document, options: RunOptions): Promise<AxeResults> } })
      .axe;
    const result = await runner.run(document, options);
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        id: v.id,
        impact: v.impact ?? '',
        help: v.help,
        targets: v.nodes.map((n) => n.target.join(' ')),
      }));
  }, axeOptions);
  const report = violations.map((v) => `  ${v.id} [${v.impact}] ${v.help}\n    ${v.targets.join('\n    ')}`).join('\n');
  assert.equal(violations.length, 0, `accessibility violations on ${label} (${page.url()}):\n${report}`);
}

/** Opens a path, asserts it rendered without a server error, and checks its accessibility. */
export async function visit(page: Page, path: string, expectedStatus = 200): Promise<void> {
  const response = await page.goto(path);
  assert.equal(response?.status(), expectedStatus, `GET ${path}`);
  await checkAccessibility(page, path);
}

export async function heading(page: Page): Promise<string> {
  return ((await page.getByRole('heading', { level: 1 }).textContent()) ?? '').trim();
}

export function pathOf(page: Page): string {
  return new URL(page.url()).pathname;
}

export async function logIn(page: Page, email: string): Promise<void> {
  await visit(page, '/login');
  await page.locator('#f-email').fill(email);
  await page.locator('#f-password').fill(demoPassword);
  await Promise.all([
    page.waitForURL((url) => url.pathname === '/'),
    page.getByRole('button', { name: 'Logg inn', exact: true }).click(),
  ]);
}
