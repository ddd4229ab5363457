// YIBAO_WORKERS=2 on PostgreSQL, over real HTTP: `yibao start` forks two processes that share the
// port; both answer, and a session signed in on one is honoured by the other (sessions live in the
// database); a killed process is replaced and the port keeps answering; SIGTERM stops them all.
// Needs a PostgreSQL server (TEST_DATABASE_URL); no browser.
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { test } from 'node:test';
import { freshPostgres } from '../../src/db/testing.ts';
import { startServer } from './harness.ts';

const PG = process.env.TEST_DATABASE_URL;

/** One request on a connection of its own (so that node:cluster may hand it to either process). */
function call(
  base: string,
  path: string,
  o: { method?: string; cookie?: string; body?: unknown } = {},
): Promise<{ status: number; body: string; setCookie: string[] }> {
  const u = new URL(path, base);
  const payload = o.body === undefined ? undefined : JSON.stringify(o.body);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: u.hostname,
        port: u.port,
        path: u.pathname,
        method: o.method ?? 'GET',
        agent: false,
        headers: {
          ...(o.cookie ? { cookie: o.cookie } : {}),
          ...(payload ? { 'content-type': 'application/json' } : {}),
        },
      },
      (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body, setCookie: res.headers['set-cookie'] ?? [] }),
        );
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** The pids of the processes whose log says they listen / answered /api/auth/me. */
const pidsOf = (log: string, what: RegExp) =>
  new Set(
    log
      .split('\n')
      .filter((l) => what.test(l))
      .map((l) => /"pid":(\d+)/.exec(l)?.[1])
      .filter((p): p is string => p !== undefined)
      .map(Number),
  );

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function until(what: string, ok: () => boolean, ms = 30_000): Promise<void> {
  for (const end = Date.now() + ms; Date.now() < end; ) {
    if (ok()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`等待超时：${what}`);
}

test('YIBAO_WORKERS=2: two processes answer one port with one session; a killed one is replaced; SIGTERM stops both', {
  skip: PG ? false : 'TEST_DATABASE_URL 未设置（多进程只用于 PostgreSQL）',
}, async () => {
  const t = await freshPostgres(PG!, 1);
  const server = await startServer({ DATABASE_URL: t.url!, YIBAO_WORKERS: '2' });
  let workers: number[] = [];
  try {
    await until('两个服务进程', () => pidsOf(server.log(), /Server listening/).size === 2);
    workers = [...pidsOf(server.log(), /Server listening/)];
    const password = /一次性密码：(\S+)/.exec(server.log())?.[1];
    assert.ok(password, server.log());
    const signedIn = await call(server.url, '/api/auth/login', {
      method: 'POST',
      body: { username: 'admin', password },
    });
    assert.equal(signedIn.status, 200, signedIn.body);
    const cookie = signedIn.setCookie.map((c) => c.split(';')[0]).join('; ');
    for (let i = 0; i < 10; i++) {
      const me = await call(server.url, '/api/auth/me', { cookie });
      assert.equal(me.status, 200, me.body);
      assert.equal(JSON.parse(me.body).staff.username, 'admin');
    }
    // both processes answered it
    await until('两个进程都应答', () => pidsOf(server.log(), /"url":"\/api\/auth\/me"/).size === 2);

    process.kill(workers[1]!, 'SIGKILL');
    await until('补起一个进程', () => pidsOf(server.log(), /Server listening/).size === 3);
    assert.match(server.log(), new RegExp(`服务进程 ${workers[1]} 退出`));
    for (let i = 0; i < 4; i++) {
      assert.equal((await call(server.url, '/api/auth/me', { cookie })).status, 200);
    }
    workers = [...pidsOf(server.log(), /Server listening/)];
  } finally {
    await server.stop();
    await t.drop();
  }
  await until('全部进程退出', () => workers.every((p) => !alive(p)), 10_000);
});
