// npm test: typecheck, lint, then every *.test.ts under src/ and test/ with node's test runner
// (TAP, which CI reads), ending with a plain "N passed, N failed" line.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureWebBuilt } from '../src/cli/commands/web-build.ts';

const ROOT = join(import.meta.dirname, '..');
const only = process.argv.slice(2);

function findTests(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : findTests(p);
    return e.name.endsWith('.test.ts') || e.name.endsWith('.test.tsx') ? [p] : [];
  });
}

function step(name: string, cmd: string, args: string[]): void {
  console.log(`# ${name}`);
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) {
    console.log(`0 passed, 1 failed`);
    console.error(`${name} 失败`);
    process.exit(1);
  }
}

if (only.length === 0) {
  step('typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
  step('lint', 'npx', ['biome', 'check', '--diagnostic-level=error']);
}

// test/ first: its files start servers and run longest (up to a minute), and a long file started
// last holds the run up while the other slots are idle; the many short files fill in behind them.
const files = only.length
  ? only
  : [...findTests(join(ROOT, 'test')), ...findTests(join(ROOT, 'src')), ...findTests(join(ROOT, 'web/src'))];
// Build the workbench once here: the browser tests each start a server, and concurrent builds of
// web/dist would trip over each other.
await ensureWebBuilt();

if (!existsSync('/usr/bin/chromium')) {
  console.log('# 浏览器端到端测试已跳过：未找到 /usr/bin/chromium（.ci/run 会安装 Debian 的 chromium）');
}

interface Counts {
  pass: number;
  fail: number;
  skipped: number;
  ok: boolean;
}

/** Runs files with node's test runner (TAP, echoed) and reads its closing counts. */
function run(batch: string[], concurrency: number, v8Flags: string[] = []): Promise<Counts> {
  const counts: Counts = { pass: 0, fail: 0, skipped: 0, ok: true };
  if (batch.length === 0) return Promise.resolve(counts);
  const child = spawn(
    process.execPath,
    [...v8Flags, '--test', '--test-reporter=tap', `--test-concurrency=${concurrency}`, ...batch],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
      // each test file is a process that loads hundreds of modules: Node's compile cache (keyed by
      // each file's content) keeps their compiled code, TypeScript's stripped too, between them
      env: { NODE_COMPILE_CACHE: join(tmpdir(), 'yibao-node-compile-cache'), ...process.env },
    },
  );
  let buf = '';
  child.stdout.on('data', (chunk: Buffer) => {
    process.stdout.write(chunk);
    buf += chunk.toString();
    const lines = buf.split('\n');
    buf = lines.pop() ?? '';
    for (const l of lines) {
      const m = /^# (pass|fail|skip) (\d+)$/.exec(l);
      if (m) counts[m[1] === 'skip' ? 'skipped' : (m[1] as 'pass' | 'fail')] = Number(m[2]);
    }
  });
  return new Promise((resolve) => child.on('close', (code) => resolve({ ...counts, ok: code === 0 })));
}

// Browser tests run one file at a time after the rest: each starts a server and a chromium, and
// two of them side by side on a 2-core machine turn timing into flakiness. An end-to-end test
// without a browser (HIS over HTTP, server processes) runs with the rest.
const isBrowserTest = (f: string) =>
  f.includes(`${join('test', 'e2e')}`) && readFileSync(f, 'utf8').includes('hasChromium');
const started = performance.now();
// The unit files are CPU-bound on a 2-core machine, so three at a time keeps both cores busy while
// one waits on PostgreSQL (measured: 633 s at two, 544 s at three). Their PGlite databases run
// PostgreSQL compiled to WebAssembly: optimising that module costs each test process about 2.5 s of
// CPU and 0.5 GB of memory touched, more than a short file's SQL gains from it, so the unit files run
// on V8's baseline compiler only (the long demo seeds lose a little, the many short files gain more).
const browserFiles = files.filter(isBrowserTest);
// The browser suites' demo county (test/e2e/seed-demo.ts) is seeded beside the unit files; the
// browser suites start once it is ready (if it failed, the first of them seeds it again).
const seeding =
  browserFiles.length > 0 && existsSync('/usr/bin/chromium') && !process.env.YIBAO_E2E_URL
    ? new Promise<number | null>((resolve) =>
        spawn(process.execPath, [join('test', 'e2e', 'seed-demo.ts')], {
          cwd: ROOT,
          stdio: ['ignore', 'ignore', 'inherit'],
        }).on('close', resolve),
      )
    : Promise.resolve(0);
const unit = await run(
  files.filter((f) => !isBrowserTest(f)),
  Number(process.env.TEST_CONCURRENCY ?? 3),
  ['--liftoff-only'],
);
const unitSeconds = (performance.now() - started) / 1000;
if ((await seeding) !== 0) console.log('# 演示县模板预生成失败，由浏览器测试重新生成');
const browser = await run(browserFiles, 1);
console.log(
  `# unit tests ${unitSeconds.toFixed(0)} s, browser tests ${((performance.now() - started) / 1000 - unitSeconds).toFixed(0)} s`,
);
if (!existsSync('/usr/bin/chromium')) console.log('浏览器端到端测试：已跳过（缺少 chromium）');
const pass = unit.pass + browser.pass;
const fail = unit.fail + browser.fail;
const skipped = unit.skipped + browser.skipped;
console.log(`${pass} passed, ${fail} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(unit.ok && browser.ok && pass > 0 && fail === 0 ? 0 : 1);
