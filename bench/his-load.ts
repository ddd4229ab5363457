// The HIS benches' load generator, in a process of its own so that building, signing and parsing
// the HIS messages does not share the server's event loop. Takes plans (ports, institutions, flows)
// over IPC, runs each with one keep-alive connection per client, and answers with the elapsed
// seconds, the settlement calls' latencies, and msgid → flow for the recording.
import { fork } from 'node:child_process';
import { connect, type Socket } from 'node:net';
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
  /** the server processes' ports: client k talks to ports[k % ports.length] */
  ports: number[];
  creds: { code: string; paasid: string; secret: string }[];
  flows: LoadFlow[];
  /** where the clients' msgid sequence starts (plans run one after another within a second) */
  seqFrom?: number;
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
  /** how long the warm-up (flows or calls) took */
  warmupSeconds: number;
  /** msgid, flow id, whether it was the settlement call */
  messages: [string, string, boolean][];
}

/**
 * One keep-alive HTTP/1.1 connection, written and read by hand: a HIS's connection to the
 * endpoint without node:http's per-request objects, so that the load generator's own CPU (on the
 * same two cores as the server and the database) stays small. Requests on a connection are
 * sequential; an answer must carry content-length (Fastify's do for string payloads). A request
 * goes out as the bytes it is; an answer comes back as its body's bytes, decoded by whoever reads it.
 */
class Connection {
  private readonly socket: Socket;
  private chunks: Buffer[] = [];
  private length = 0;
  private waiting: { resolve: (body: Buffer) => void; reject: (e: Error) => void } | null = null;
  private readonly ready: Promise<void>;
  readonly port: number;

  constructor(port: number) {
    this.port = port;
    this.socket = connect({ host: '127.0.0.1', port, noDelay: true });
    this.ready = new Promise((resolve, reject) => {
      this.socket.once('connect', () => resolve());
      this.socket.once('error', reject);
    });
    this.socket.on('data', (c: Buffer) => this.onData(c));
    this.socket.on('error', (e) => this.waiting?.reject(e));
    this.socket.on('close', () => this.waiting?.reject(new Error('connection closed')));
  }

  async post(request: Buffer): Promise<Buffer> {
    await this.ready;
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.socket.write(request);
    });
  }

  private onData(c: Buffer): void {
    this.chunks.push(c);
    this.length += c.length;
    const all = this.chunks.length === 1 ? c : Buffer.concat(this.chunks, this.length);
    const end = all.indexOf('\r\n\r\n');
    if (end < 0) return;
    const head = all.toString('latin1', 0, end);
    const m = /\r\ncontent-length:\s*(\d+)/i.exec(head);
    if (!m) {
      this.waiting?.reject(new Error(`answer without content-length: ${head}`));
      return;
    }
    const size = Number(m[1]);
    if (all.length < end + 4 + size) {
      this.chunks = [all];
      return;
    }
    this.chunks = [];
    this.length = 0;
    const w = this.waiting;
    this.waiting = null;
    w?.resolve(all.subarray(end + 4, end + 4 + size));
  }

  close(): void {
    this.socket.destroy();
  }
}

/** How every successful answer begins (nationalReply writes infcode first). */
const SUCCEEDED = '{"infcode":0,';
/** How every request begins: the infno is the envelope's first member. */
const OPEN = '{"infno":"';
const CLOSE = Buffer.from('}');

/**
 * A call's msgid, headers and envelope, made and signed ahead (before the clock starts, for as
 * many calls as the client is likely to make): a HIS signs on its own machine, so the load
 * generator spends its measured time on the calls only. head: the request line and headers up
 * to the content-length value; rest: the envelope after the infno, up to "input":.
 */
interface Slot {
  msgid: string;
  head: string;
  rest: Buffer;
}

function makeSlot(id: HisIdentity, port: number, seq: number, now: Date): Slot {
  const msgid = makeMsgid(id.fixmedinsCode, now, seq);
  let head = `POST ${HIS_PATH} HTTP/1.1\r\nhost: 127.0.0.1:${port}\r\n`;
  const headers = signedHeaders(id, now);
  for (const k in headers) head += `${k}: ${headers[k]}\r\n`;
  // the envelope with an empty infno, cut after it and before the input ({}}) it ends with
  const env = JSON.stringify(envelope(id, '', msgid, {}, now));
  if (!env.startsWith(`${OPEN}"`)) throw new Error('the envelope no longer begins with its infno');
  return { msgid, head: `${head}content-length: `, rest: Buffer.from(env.slice(OPEN.length, -3)) };
}

/** The request's bytes: the slot's head and envelope around the input, mdtrt_id filled in. */
function request(slot: Slot, infno: string, input: Input, mdtrt: Buffer | null): Buffer {
  const holes = input.parts.length - 1;
  if (holes > 0 && !mdtrt) throw new Error(`${infno}: the visit's mdtrt_id is not known yet`);
  const size =
    '{"infno":"'.length + infno.length + slot.rest.length + input.bytes + holes * (mdtrt?.length ?? 0) + 1;
  const pieces = [Buffer.from(`${slot.head}${size}\r\n\r\n${OPEN}${infno}`, 'latin1'), slot.rest];
  for (let i = 0; i < input.parts.length; i++) {
    if (i > 0) pieces.push(mdtrt!);
    pieces.push(input.parts[i]!);
  }
  pieces.push(CLOSE);
  return Buffer.concat(pieces);
}

/** Where a visit's mdtrt_id goes in the inputs rendered before it is known. */
const MDTRT = '"@MDTRT_ID@"';

/** An input node rendered to bytes: the parts between the places its visit's mdtrt_id goes. */
interface Input {
  parts: Buffer[];
  /** the parts' bytes together */
  bytes: number;
}

function inputOf(json: string): Input {
  const parts = json.split(MDTRT).map((p) => Buffer.from(p));
  return { parts, bytes: parts.reduce((n, p) => n + p.length, 0) };
}

/** A flow's calls with their inputs already serialized (mdtrt_id still to fill in). */
interface Step {
  infno: string;
  input: Input;
  settle: boolean;
  /** this call's answer names the visit */
  opens?: 'result' | 'data';
}

/**
 * Each flow's inputs, rendered to JSON before the clock starts: a HIS builds its messages on its
 * own machine, so the load generator (on the same two cores as the server and the database)
 * spends its time on the calls only — filling in the visit's id, the envelope and the signature.
 */
function render(f: LoadFlow, now: number): Step[] {
  const dt = (ms: number) =>
    new Date(ms + 8 * 3600_000 - 60_000).toISOString().slice(0, 19).replace('T', ' ');
  const t = dt(now);
  const id = '@MDTRT_ID@';
  const j = (v: unknown) => inputOf(JSON.stringify(v));
  if (f.inpatient) {
    const begin = dt(now - 3 * 86_400_000);
    return [
      {
        infno: '2401',
        input: j(wire.admission(f.psnNo, '390', begin, `ZY${f.id}`, f.certno)),
        settle: false,
        opens: 'result',
      },
      {
        infno: '2301',
        input: j(wire.fees(id, f.psnNo, f.lines, dt(now - 2 * 86_400_000), null)),
        settle: false,
      },
      { infno: '2402', input: j(wire.discharge(id, f.psnNo, '390', t)), settle: false },
      {
        infno: '2304',
        input: j(wire.inpatientSettle(f.psnNo, id, totalOf(f.lines), f.certno)),
        settle: true,
      },
    ];
  }
  return [
    {
      infno: '2201',
      input: j(wire.registration(f.psnNo, '390', t, `MZ${f.id}`, f.certno)),
      settle: false,
      opens: 'data',
    },
    { infno: '2204', input: j(wire.fees(id, f.psnNo, f.lines, t)), settle: false },
    {
      infno: '2207',
      input: j(wire.outpatientSettle(f.psnNo, id, totalOf(f.lines), f.certno)),
      settle: true,
    },
  ];
}

export async function runLoad(plan: LoadPlan): Promise<LoadResult> {
  const messages: [string, string, boolean][] = [];
  let latencies: number[] = [];
  const clients = plan.creds.map((c, k) => ({
    id: { fixmedinsCode: c.code, paasid: c.paasid, secret: c.secret } as HisIdentity,
    conn: new Connection(plan.ports[k % plan.ports.length]!),
    seq: plan.seqFrom ?? 0,
    k,
    slots: [] as Slot[],
    used: 0,
  }));
  type Client = (typeof clients)[number];
  const slot = (c: Client): Slot => c.slots[c.used++] ?? makeSlot(c.id, c.conn.port, ++c.seq, new Date());
  /**
   * An answer the flow reads is parsed; one it does not read is only checked to begin with
   * infcode 0 (and parsed when it does not, for its message): the HIS parses its answers on its
   * own machine, not on the two cores the server and the database share.
   */
  const call = async (
    c: Client,
    flow: string,
    infno: string,
    input: Input,
    mdtrt: Buffer | null,
    settle = false,
    read = true,
  ) => {
    const s = slot(c);
    messages.push([s.msgid, flow, settle]);
    const bytes = request(s, infno, input, mdtrt);
    const started = performance.now();
    const answer = await c.conn.post(bytes);
    const ms = performance.now() - started;
    const res =
      !read && answer.toString('latin1', 0, SUCCEEDED.length) === SUCCEEDED
        ? null
        : JSON.parse(answer.toString('utf8'));
    if (res && res.infcode !== 0) throw new Error(`${infno} failed: ${res.err_msg}`);
    if (settle) latencies.push(ms);
    return res?.output;
  };
  for (const c of clients) {
    const out = await call(
      c,
      `setup-${c.k}`,
      '9001',
      inputOf(JSON.stringify({ signIn: { opter_no: '001', mac: '', ip: '' } })),
      null,
    );
    c.id.signNo = out.signinoutb.sign_no;
  }
  const rendered = plan.flows.map((f) => render(f, Date.now()));
  // each client's calls signed ahead: half as many again as its share, so that a client given
  // more than its share of the flows rarely signs while measured (it then signs as it goes)
  const calls = plan.repeat
    ? plan.repeat.calls + (plan.repeat.warmup ?? 0)
    : rendered.reduce((n, steps) => n + steps.length, 0);
  const ahead = Math.min(5000, Math.ceil((calls / clients.length) * 1.5) + 8);
  const signedAt = new Date();
  for (const c of clients) {
    c.slots = Array.from({ length: ahead }, () => makeSlot(c.id, c.conn.port, ++c.seq, signedAt));
  }
  const runFlow = async (c: Client, f: LoadFlow, steps: Step[]) => {
    let mdtrt: Buffer | null = null;
    for (const s of steps) {
      const out = await call(c, f.id, s.infno, s.input, mdtrt, s.settle, s.opens !== undefined);
      if (s.opens) mdtrt = Buffer.from(JSON.stringify(out[s.opens].mdtrt_id));
    }
  };
  let next = 0;
  const repeat = plan.repeat;
  const repeatInput = inputOf(repeat ? JSON.stringify(repeat.input) : '{}');
  const warmStarted = performance.now();
  if (repeat?.warmup) {
    await Promise.all(
      clients.map(async (c) => {
        while (next < (repeat.warmup ?? 0)) {
          next++;
          await call(c, 'warmup', repeat.infno, repeatInput, null, true);
        }
      }),
    );
    next = 0;
  }
  const warmupLatencies = latencies;
  const warmupSeconds = (performance.now() - warmStarted) / 1000;
  latencies = [];
  const cpu = process.cpuUsage();
  const started = performance.now();
  await Promise.all(
    clients.map(async (c) => {
      if (repeat) {
        while (next < repeat.calls) {
          next++;
          await call(c, 'repeat', repeat.infno, repeatInput, null, true);
        }
      } else {
        while (next < plan.flows.length) {
          const k = next++;
          await runFlow(c, plan.flows[k]!, rendered[k]!);
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);

  for (const c of clients) c.conn.close();
  return {
    seconds,
    cpuSeconds: (used.user + used.system) / 1e6,
    latencies,
    warmupLatencies,
    warmupSeconds,
    messages,
  };
}

/**
 * A load generator process (this file) that stays up for the whole bench, as a HIS does: each plan
 * runs on code the earlier plans warmed up (a process per round spent a third of its CPU on
 * compiling, which the server, warm, did not).
 */
export interface LoadProcess {
  run(plan: LoadPlan): Promise<LoadResult>;
  stop(): Promise<void>;
}

export function startLoadProcess(): LoadProcess {
  const prof = process.env.BENCH_CPU_PROF
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}/load`]
    : [];
  const child = fork(import.meta.filename, [], {
    execArgv: prof,
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let failed: Error | null = null;
  let pending: { resolve: (r: LoadResult) => void; reject: (e: Error) => void } | null = null;
  child.on('message', (m) => {
    const p = pending;
    pending = null;
    const answer = m as { result?: LoadResult; error?: string };
    if (answer.result) p?.resolve(answer.result);
    else p?.reject(new Error(`load generator: ${answer.error}`));
  });
  child.on('exit', (code) => {
    failed = new Error(`load generator exited ${code}`);
    pending?.reject(failed);
    pending = null;
  });
  return {
    run(plan) {
      if (failed) return Promise.reject(failed);
      return new Promise((resolve, reject) => {
        pending = { resolve, reject };
        child.send(plan);
      });
    },
    async stop() {
      if (failed) return;
      child.removeAllListeners('exit');
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.disconnect();
      await exited;
    },
  };
}

/** Run one plan in a load generator process of its own. */
export async function runLoadProcess(plan: LoadPlan): Promise<LoadResult> {
  const load = startLoadProcess();
  try {
    return await load.run(plan);
  } finally {
    await load.stop();
  }
}

if (import.meta.main) {
  // plans one at a time, each answered with its result; the process ends when its parent lets go
  // the bench gone (stopped, or failed): so is this process, not left running on its own
  process.on('disconnect', () => process.exit(0));
  process.on('message', async (plan) => {
    try {
      process.send!({ result: await runLoad(plan as LoadPlan) });
    } catch (e) {
      process.send!({ error: (e as Error).stack ?? String(e) });
    }
  });
}
