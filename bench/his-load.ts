// The settlement bench's load generator, in a process of its own so that building, signing and
// parsing the HIS messages does not share the server's event loop. Reads a plan file (port,
// institutions, flows), runs the flows with one keep-alive connection per client, and prints one
// JSON line: elapsed seconds, the settlement calls' latencies, and msgid → flow for the recording.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, request } from 'node:http';
import { envelope, type HisIdentity, makeMsgid, signedHeaders } from '../src/modules/his/client.ts';
import { type LineSpec, totalOf, wire } from '../src/domain/his/wire-builders.ts';
import { HIS_PATH } from '../src/modules/his/routes.ts';

export interface LoadFlow {
  id: string;
  psnNo: string;
  certno: string;
  inpatient: boolean;
  lines: LineSpec[];
}

export interface LoadPlan {
  port: number;
  creds: { code: string; paasid: string; secret: string }[];
  flows: LoadFlow[];
  /**
   * instead of flows: one transaction called `calls` times in all, its latency measured, after
   * `warmup` calls in all whose latencies are kept apart (the pool's connections opening, the JIT,
   * each connection preparing its statements)
   */
  repeat?: { infno: string; input: Record<string, unknown>; calls: number; warmup?: number };
}

export interface LoadResult {
  seconds: number;
  /** CPU seconds the load generator itself used */
  cpuSeconds: number;
  latencies: number[];
  /** the repeat's warm-up calls, not in `latencies` nor in `seconds` */
  warmupLatencies: number[];
  /** msgid, flow id, whether it was the settlement call */
  messages: [string, string, boolean][];
}

function post(agent: Agent, port: number, headers: Record<string, string>, body: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: HIS_PATH,
        method: 'POST',
        agent,
        headers: { ...headers, 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

export async function runLoad(plan: LoadPlan): Promise<LoadResult> {
  const messages: [string, string, boolean][] = [];
  let latencies: number[] = [];
  const clients = plan.creds.map((c, k) => ({
    id: { fixmedinsCode: c.code, paasid: c.paasid, secret: c.secret } as HisIdentity,
    agent: new Agent({ keepAlive: true, maxSockets: 1 }),
    seq: 0,
    k,
  }));
  type Client = (typeof clients)[number];
  const call = async (
    c: Client,
    flow: string,
    infno: string,
    input: Record<string, unknown>,
    settle = false,
  ) => {
    const now = new Date();
    const msgid = makeMsgid(c.id.fixmedinsCode, now, ++c.seq);
    messages.push([msgid, flow, settle]);
    const body = JSON.stringify(envelope(c.id, infno, msgid, input, now));
    const headers = signedHeaders(c.id, now);
    const started = performance.now();
    const text = await post(c.agent, plan.port, headers, body);
    const ms = performance.now() - started;
    const res = JSON.parse(text);
    if (res.infcode !== 0) throw new Error(`${infno} failed: ${res.err_msg}`);
    if (settle) latencies.push(ms);
    return res.output;
  };
  const dt = (d: Date) =>
    new Date(d.getTime() + 8 * 3600_000 - 60_000).toISOString().slice(0, 19).replace('T', ' ');
  for (const c of clients) {
    const out = await call(c, `setup-${c.k}`, '9001', { signIn: { opter_no: '001', mac: '', ip: '' } });
    c.id.signNo = out.signinoutb.sign_no;
  }
  const runFlow = async (c: Client, f: LoadFlow) => {
    const t = dt(new Date());
    if (f.inpatient) {
      const begin = dt(new Date(Date.now() - 3 * 86_400_000));
      const out = await call(c, f.id, '2401', wire.admission(f.psnNo, '390', begin, `ZY${f.id}`, f.certno));
      const id = out.result.mdtrt_id;
      await call(
        c,
        f.id,
        '2301',
        wire.fees(id, f.psnNo, f.lines, dt(new Date(Date.now() - 2 * 86_400_000)), null),
      );
      await call(c, f.id, '2402', wire.discharge(id, f.psnNo, '390', t));
      await call(c, f.id, '2304', wire.inpatientSettle(f.psnNo, id, totalOf(f.lines), f.certno), true);
    } else {
      const out = await call(c, f.id, '2201', wire.registration(f.psnNo, '390', t, `MZ${f.id}`, f.certno));
      const id = out.data.mdtrt_id;
      await call(c, f.id, '2204', wire.fees(id, f.psnNo, f.lines, t));
      await call(c, f.id, '2207', wire.outpatientSettle(f.psnNo, id, totalOf(f.lines), f.certno), true);
    }
  };
  let next = 0;
  const repeat = plan.repeat;
  if (repeat?.warmup) {
    await Promise.all(
      clients.map(async (c) => {
        while (next < (repeat.warmup ?? 0)) {
          next++;
          await call(c, 'warmup', repeat.infno, repeat.input, true);
        }
      }),
    );
    next = 0;
  }
  const warmupLatencies = latencies;
  latencies = [];
  const cpu = process.cpuUsage();
  const started = performance.now();
  await Promise.all(
    clients.map(async (c) => {
      if (repeat) {
        while (next < repeat.calls) {
          next++;
          await call(c, 'repeat', repeat.infno, repeat.input, true);
        }
      } else {
        while (next < plan.flows.length) await runFlow(c, plan.flows[next++]!);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  for (const c of clients) c.agent.destroy();
  return { seconds, cpuSeconds: (used.user + used.system) / 1e6, latencies, warmupLatencies, messages };
}

/** Run a plan in a child process (this file) and read its result line. */
export async function runLoadProcess(plan: LoadPlan): Promise<LoadResult> {
  const dir = mkdtempSync(join(tmpdir(), 'yibao-bench-'));
  const planFile = join(dir, 'plan.json');
  writeFileSync(planFile, JSON.stringify(plan));
  try {
    return await new Promise<LoadResult>((resolve, reject) => {
      const child = spawn(process.execPath, [import.meta.filename, planFile], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let out = '';
      child.stdout.on('data', (c) => {
        out += c;
      });
      child.on('error', reject);
      child.on('exit', (code) =>
        code === 0
          ? resolve(JSON.parse(out) as LoadResult)
          : reject(new Error(`load generator exited ${code}`)),
      );
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  const plan = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as LoadPlan;
  const result = await runLoad(plan);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
