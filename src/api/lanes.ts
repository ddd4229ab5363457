// Lanes: a few exact (method, path) endpoints answered by the HTTP server itself, before Fastify's
// routing, hooks and reply pipeline. For an endpoint called hundreds of times a second by
// machines (the HIS interface) whose module already does everything Fastify would — its own
// authentication, body parsing, error replies — that pipeline is pure cost.
//
// A module adds a lane in its routes with the same handler it gives its Fastify route (which
// stays: app.inject and every test of the module go through it), so there is one behaviour with
// two doors. A request with a query string, another method or another path goes to Fastify.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { FastifyBaseLogger } from 'fastify';
import { SECURITY_HEADERS } from './web.ts';

export interface LaneAnswer {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
}

export interface Lane {
  /** a larger body is not read: `tooLarge` answers */
  bodyLimit: number;
  answer(body: Buffer, headers: IncomingMessage['headers']): Promise<LaneAnswer>;
  tooLarge(): LaneAnswer;
  /** the answer when `answer` itself failed (it should not) */
  failed(e: unknown): LaneAnswer;
}

export class Lanes {
  private readonly lanes = new Map<string, Lane>();
  log: FastifyBaseLogger | null = null;

  add(method: 'POST', path: string, lane: Lane): void {
    this.lanes.set(`${method} ${path}`, lane);
  }

  /** The node:http server for Fastify's serverFactory: lanes first, then Fastify. */
  server(fastify: (req: IncomingMessage, res: ServerResponse) => void): Server {
    return createServer((req, res) => {
      const lane = this.lanes.size > 0 ? this.lanes.get(`${req.method} ${req.url}`) : undefined;
      if (lane) this.serve(lane, req, res);
      else fastify(req, res);
    });
  }

  private serve(lane: Lane, req: IncomingMessage, res: ServerResponse): void {
    const started = performance.now();
    const declared = Number(req.headers['content-length']);
    const chunks: Buffer[] = [];
    let size = 0;
    let over = Number.isFinite(declared) && declared > lane.bodyLimit;
    const finish = (a: LaneAnswer) => {
      // the body encoded once: given as a string, node:http would measure it, then prepend the
      // header block to it (a rope of 10 kB for an upload's answer, flattened) and encode it again
      const body = typeof a.body === 'string' ? Buffer.from(a.body) : a.body;
      res.writeHead(a.status, { ...SECURITY_HEADERS, ...a.headers, 'content-length': body.length });
      res.end(body);
      this.log?.info(
        {
          req: { method: req.method, url: req.url },
          res: { statusCode: a.status },
          responseTime: performance.now() - started,
        },
        'request completed',
      );
    };
    if (over) {
      // answered without reading; the connection closes so the unread body is not taken for a request
      res.shouldKeepAlive = false;
      finish(lane.tooLarge());
      req.resume();
      return;
    }
    req.on('data', (c: Buffer) => {
      if (over) return;
      size += c.length;
      if (size > lane.bodyLimit) {
        over = true;
        res.shouldKeepAlive = false;
        finish(lane.tooLarge());
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => {
      if (over) return;
      const body = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size);
      lane.answer(body, req.headers).then(finish, (e) => finish(lane.failed(e)));
    });
    req.on('error', () => res.destroy());
  }
}
