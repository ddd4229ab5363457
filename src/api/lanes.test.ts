// A lane answers its exact method and path over real HTTP before Fastify, with the security
// headers, its own body limit (declared or streamed) and its failure answer; every other request
// (another path or method, a query string) is Fastify's.
import assert from 'node:assert/strict';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import test from 'node:test';
import Fastify from 'fastify';
import { type LaneAnswer, Lanes } from './lanes.ts';

async function serve(t: test.TestContext) {
  const lanes = new Lanes();
  const logged: unknown[] = [];
  const app = Fastify({ serverFactory: (h) => lanes.server(h) });
  lanes.log = { info: (o: unknown) => logged.push(o) } as unknown as typeof app.log;
  const text = (status: number, body: string): LaneAnswer => ({
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8' },
    body,
  });
  lanes.add('POST', '/lane', {
    bodyLimit: 16,
    answer: async (body, headers) => {
      if (body.toString() === 'boom') throw new Error('boom');
      return text(200, `lane:${body.toString()}:${headers['x-h'] ?? ''}`);
    },
    tooLarge: () => text(200, 'too large'),
    failed: (e) => text(200, `failed:${(e as Error).message}`),
  });
  app.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => done(null, body));
  app.post('/lane', async () => 'fastify');
  app.post('/other', async () => 'fastify other');
  await app.listen({ port: 0, host: '127.0.0.1' });
  t.after(() => app.close());
  const port = (app.server.address() as AddressInfo).port;
  const call = (path: string, body: string | string[], headers: Record<string, string> = {}) =>
    new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path, method: 'POST', headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString(),
          }),
        );
      });
      req.on('error', reject);
      // an array is sent chunk by chunk without a content-length (chunked transfer encoding)
      for (const part of Array.isArray(body) ? body : [body]) req.write(part);
      req.end();
    });
  return { call, logged };
}

test('the lane answers its path; other paths, methods and query strings are Fastify’s', async (t) => {
  const { call, logged } = await serve(t);
  const a = await call('/lane', 'hello', { 'x-h': 'v' });
  assert.equal(a.status, 200);
  assert.equal(a.body, 'lane:hello:v');
  assert.equal(a.headers['x-content-type-options'], 'nosniff');
  assert.equal(a.headers['x-frame-options'], 'DENY');
  assert.equal(a.headers['content-length'], String(Buffer.byteLength('lane:hello:v')));
  assert.equal((await call('/lane?x=1', 'hello')).body, 'fastify');
  assert.equal((await call('/other', 'hello')).body, 'fastify other');
  assert.equal((await call('/lane', ['he', 'll', 'o'])).body, 'lane:hello:');
  assert.equal(logged.length, 2, 'one log line per lane request');
});

test('the lane’s body limit, declared or streamed, and its failure answer', async (t) => {
  const { call } = await serve(t);
  const big = 'x'.repeat(17);
  const declared = await call('/lane', big);
  assert.equal(declared.body, 'too large');
  assert.equal(declared.headers.connection, 'close');
  const streamed = await call('/lane', ['x'.repeat(10), 'x'.repeat(10)]);
  assert.equal(streamed.body, 'too large');
  assert.equal((await call('/lane', 'x'.repeat(16))).body, `lane:${'x'.repeat(16)}:`);
  assert.equal((await call('/lane', 'boom')).body, 'failed:boom');
});
