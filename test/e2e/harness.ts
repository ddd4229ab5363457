// Browser test harness: a real `yibao start` on its own embedded database with the demo county,
// and Debian's chromium driven by playwright-core (never a downloaded browser).
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { after, afterEach, before } from 'node:test';
import { checkChar } from '../../src/domain/registry/id-number.ts';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
export const ROOT = join(import.meta.dirname, '../..');
export const ARTIFACTS = join(ROOT, 'test-artifacts');
export const DEMO_PASSWORD = 'Yibao@2026';

/**
 * The instant the browser tests live at, whatever day they run on: the server (YIBAO_NOW, which also
 * fixes the demo county's reference date), the browser's Date and the tests' own clock all start
 * here and run on together.
 */
export const E2E_NOW = '2026-12-03T10:00:00+08:00';
const shiftMs = Date.parse(E2E_NOW) - Date.now();
/** The tests' clock: E2E_NOW when this file was loaded, running since. */
export const testNow = (): Date => new Date(Date.now() + shiftMs);
/** The demo county's reference date (China day of E2E_NOW). */
export const E2E_DAY = E2E_NOW.slice(0, 10);

const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      s.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
  /** everything the server wrote to stdout and stderr (its request log included) */
  log(): string;
}

/** Resident ID numbers (valid check digit) found in a text: none may reach the server's log. */
export function idNumbersIn(text: string): string[] {
  const found = text.match(/(?<![\dA-Za-z])\d{17}[\dX](?![\dA-Za-z])/g) ?? [];
  return found.filter((id) => checkChar(id.slice(0, 17)) === id[17]);
}

/**
 * `yibao start` on a data folder and a free port; resolves once /api/health answers. A suite's
 * server runs its embedded PostgreSQL on V8's baseline WebAssembly compiler (`seeding` optimises it,
 * for the SQL-heavy demo seed): optimising the module cost a suite's server about 1 s of its start
 * and stop, alongside chromium, and the pages' SQL is light.
 */
async function spawnServer(
  dataDir: string,
  env: Record<string, string>,
  { seeding = false } = {},
): Promise<RunningServer> {
  const port = await freePort();
  const flags = seeding ? [] : ['--liftoff-only'];
  const child: ChildProcess = spawn(process.execPath, [...flags, 'src/cli/main.ts', 'start'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      YIBAO_DATA_DIR: dataDir,
      // the request log too, so the suites can prove no ID number reaches it
      LOG_LEVEL: 'info',
      YIBAO_NOW: testNow().toISOString(),
      // a demo county's folder: the embedded database starts in a third of the time
      YIBAO_PGLITE_SHARED_BUFFERS: '16MB',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`服务未能启动:\n${output}`);
    try {
      const r = await fetch(`${url}/api/health`);
      if (r.ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  if (Date.now() >= deadline) {
    child.kill('SIGKILL');
    throw new Error(`服务启动超时:\n${output}`);
  }
  return {
    url,
    log: () => output,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
    },
  };
}

/** What the seeded demo county depends on: the code, the dependencies and the tests' day. */
function sourceKey(): string {
  const h = createHash('sha256').update(E2E_DAY);
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path);
      else if (!e.name.endsWith('.test.ts')) h.update(path).update(readFileSync(path));
    }
  };
  walk(join(ROOT, 'src'));
  h.update(readFileSync(join(ROOT, 'package-lock.json')));
  return h.digest('hex').slice(0, 16);
}

/**
 * The demo county is seeded once per version of the code and copied for each suite (seeding takes
 * far longer than copying the data folder). The first suite to need it seeds it; the others wait.
 */
export async function demoTemplate(): Promise<{ dir: string; log: string }> {
  const dir = join(tmpdir(), `yibao-e2e-demo-${sourceKey()}`);
  const ready = join(dir, 'READY');
  const lock = `${dir}.lock`;
  for (let waited = 0; !existsSync(ready); waited += 500) {
    try {
      mkdirSync(lock);
    } catch {
      if (waited > 300_000) throw new Error(`演示库模板未就绪: ${dir}`);
      await new Promise((r) => setTimeout(r, 500));
      continue;
    }
    try {
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir);
      mkdirSync(join(dir, 'data'));
      const seeding = await spawnServer(join(dir, 'data'), {}, { seeding: true });
      await seeding.stop();
      writeFileSync(join(dir, 'seed.log'), seeding.log());
      writeFileSync(ready, new Date().toISOString());
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
  return { dir: join(dir, 'data'), log: readFileSync(join(dir, 'seed.log'), 'utf8') };
}

/**
 * `yibao start` on its own data folder and port, with the demo county (a copy of the seeded
 * template unless `env` changes how the server starts); resolves once /api/health answers.
 */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'yibao-e2e-'));
  let seedLog = '';
  if (Object.keys(env).length === 0 && !process.env.YIBAO_E2E_FRESH) {
    const t = await demoTemplate();
    cpSync(t.dir, dataDir, { recursive: true });
    seedLog = t.log;
  }
  const server = await spawnServer(dataDir, env);
  return {
    url: server.url,
    // the seeding's own log is part of it: no ID number may reach either
    log: () => seedLog + server.log(),
    async stop() {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  // launch() gives chromium a fresh temporary profile of its own (the fresh user-data-dir)
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
}

export async function newContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: { width: 1366, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    acceptDownloads: true,
  });
  // the page's Date runs on the tests' clock (timers stay real)
  await context.clock.setSystemTime(testNow());
  return context;
}

/**
 * Logs in through the login page and waits for the workbench frame. The login's 待办提醒 notice (bottom
 * right, 8 s, over the page's top-right buttons) is closed as a clerk would close it, once the queue
 * counts have answered, unless `reminders` is 'keep' (a test that reads it).
 */
export async function login(
  page: Page,
  baseUrl: string,
  username: string,
  next = '',
  { reminders = 'close' }: { reminders?: 'close' | 'keep' } = {},
): Promise<void> {
  await page.goto(`${baseUrl}/login${next ? `?next=${encodeURIComponent(next)}` : ''}`);
  await page.getByLabel('工号').fill(username);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  const counts = page
    .waitForResponse((r) => new URL(r.url()).pathname === '/api/matter/reminders', { timeout: 30_000 })
    .catch(() => null);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByTestId('staff-name').waitFor();
  // only staff who see matters have the header's 待办 (and its request)
  if (reminders === 'keep' || (await page.getByRole('button', { name: '待办' }).count()) === 0) return;
  const answer = await counts;
  const items = answer?.ok() ? ((await answer.json()) as { items: unknown[] }).items : [];
  if (items.length === 0) return;
  const notice = page.locator('.ant-notification-notice', { has: page.getByTestId('reminders') });
  // not shown again to the same person in the same tab
  const shown = await notice
    .waitFor({ timeout: 5000 })
    .then(() => true)
    .catch(() => false);
  if (!shown) return;
  await notice.locator('.ant-notification-notice-close').click();
  await notice.waitFor({ state: 'hidden' });
}

/**
 * Does `act` until `shown` appears (5 s each time), at most three times: under load a click or a
 * keystroke can land while a control is still opening and be lost. Fails with `failure`.
 */
export async function untilShown(shown: Locator, act: () => Promise<void>, failure: string): Promise<void> {
  for (let tries = 1; ; tries++) {
    await act();
    const ok = await shown
      .waitFor({ timeout: 5000 })
      .then(() => true)
      .catch(() => false);
    if (ok) return;
    assert.ok(tries < 3, failure);
  }
}

/**
 * A workflow action through its dialog: clicks the page's button `name` until the dialog opens, lets
 * `fill` fill it, then presses 确定 until the dialog closes. The pages close it only once the server
 * has accepted the action, and OK ignores presses while one is being sent, so a press lost under load
 * is pressed again and none is sent twice. A refusal the page shows fails the test with its text.
 */
export async function actInDialog(
  page: Page,
  name: string | RegExp,
  fill?: (dialog: Locator) => Promise<void>,
): Promise<void> {
  const dialog = page.getByRole('dialog');
  await untilShown(dialog, () => page.getByRole('button', { name }).first().click(), `${name}: 对话框未打开`);
  await fill?.(dialog);
  for (let tries = 1; ; tries++) {
    await dialog
      .getByRole('button', { name: /确\s*定/ })
      .click({ timeout: 5000 })
      .catch(() => undefined);
    const closed = await dialog
      .waitFor({ state: 'hidden', timeout: 10_000 })
      .then(() => true)
      .catch(() => false);
    if (closed) return;
    const refusal = page.locator('.ant-alert-error');
    if ((await refusal.count()) > 0) assert.fail(`${name} 被拒绝: ${await refusal.first().innerText()}`);
    assert.ok(tries < 3, `${name}: 对话框未关闭`);
  }
}

/**
 * Chooses an option of the antd select labelled `label` (within `within`, the page by default):
 * opens it, types `search` if given, clicks the option with that text (the first when none is
 * named) and clicks again until the select shows a choice — under load a click can land while the
 * dropdown still opens and be lost (CI: 请选择角色, a filter that did not apply). The choice shows
 * `shows` (by default the option's text). A single select's
 * list has closed when this returns; a multiple one's is closed with Escape.
 */
export async function chooseOption(
  page: Page,
  label: string | RegExp,
  option?: string,
  opts: { search?: string; shows?: string; within?: Locator; multiple?: boolean; exact?: boolean } = {},
): Promise<void> {
  const scope = opts.within ?? page;
  const shows = opts.shows ?? option;
  const exact = opts.exact ?? typeof label === 'string';
  const input = scope.getByLabel(label, { exact });
  const chosen = scope
    // (`has` is matched inside each .ant-select: a locator relative to the page, not to `within`)
    .locator('.ant-select', { has: page.getByLabel(label, { exact }) })
    // antd 6: a single select shows its value in -content-has-value, a multiple one as items
    .locator('.ant-select-content-has-value, .ant-select-selection-item', shows ? { hasText: shows } : {});
  const open = page.locator('.ant-select-dropdown:visible');
  await untilShown(
    chosen.first(),
    async () => {
      if ((await open.count()) === 0) {
        await input.click();
        if (opts.search) await input.fill(opts.search);
      }
      await open
        .locator('.ant-select-item-option', option ? { hasText: option } : {})
        .first()
        .click();
    },
    `选项未选中：${String(label)} → ${option ?? '第一项'}`,
  );
  if (opts.multiple) await page.keyboard.press('Escape');
  await open.first().waitFor({ state: 'hidden' });
}

/** Saves a full-page screenshot under test-artifacts/ (kept by CI as a test artifact). */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

export interface Workbench {
  server: RunningServer;
  browser: Browser;
}

/**
 * Registers the calling suite's hooks: a fresh server with the demo county (or the one at
 * YIBAO_E2E_URL, while developing) and a chromium, both closed after the suite.
 */
export function useWorkbench(): Workbench {
  const wb = {} as Workbench;
  before(async () => {
    const url = process.env.YIBAO_E2E_URL;
    wb.server = url ? { url, stop: async () => {}, log: () => '' } : await startServer();
    wb.browser = await launchBrowser();
  });
  // after a failed test, every open page is saved (a screenshot and the page's text) so that a
  // failure in CI can be read
  afterEach(async (t) => {
    if ((t as { passed?: boolean }).passed !== false) return; // passed: Node 24, not yet in its types
    for (const [c, context] of (wb.browser?.contexts() ?? []).entries()) {
      for (const [p, page] of context.pages().entries()) {
        const name = `failed-${t.name.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 60)}-${c}-${p}`;
        await screenshot(page, name).catch(() => undefined);
        const text = await page.evaluate(() => document.body.innerText).catch((e: Error) => e.message);
        writeFileSync(join(ARTIFACTS, `${name}.txt`), `${page.url()}\n\n${text}`);
        // CI keeps only the test output: the page as the test left it is read there
        console.log(`${name}: ${page.url()}\n${text.slice(0, 2000)}`);
      }
    }
  });
  after(async () => {
    await wb.browser?.close();
    await wb.server?.stop();
    // issue 8: the workbench searches by ID number; the server's log must not keep any
    const leaked = idNumbersIn(wb.server?.log() ?? '');
    assert.deepEqual(leaked, [], `身份证号出现在服务日志中: ${leaked.slice(0, 3).join(', ')}`);
  });
  return wb;
}
