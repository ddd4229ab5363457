// Security headers on everything served; the workbench's static files pre-compressed (brotli,
// gzip) and cached by name. A small fake build stands in for web/dist.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { compressDist } from '../cli/commands/web-build.ts';
import { freshDb } from '../db/testing.ts';
import { HIS_PATH } from '../modules/his/index.ts';
import { buildApp } from './app.ts';

const INDEX = `<!doctype html><html lang="zh-CN"><head><title>医保经办工作台</title>
<style>body{margin:0}</style><script type="module" crossorigin src="/assets/index-AbC123xy.js"></script>
</head><body><div id="root"></div></body></html>\n`;
const SCRIPT = `${'export const label = "参保登记";\n'.repeat(200)}console.log(label);\n`;

function fakeDist(): string {
  const dir = mkdtempSync(join(tmpdir(), 'yibao-dist-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), INDEX);
  writeFileSync(join(dir, 'assets', 'index-AbC123xy.js'), SCRIPT);
  return dir;
}

function assertSecurityHeaders(h: Record<string, unknown>, what: string) {
  const csp = String(h['content-security-policy']);
  assert.match(csp, /default-src 'self'/, what);
  assert.match(csp, /script-src 'self'(;|$)/, what);
  assert.match(csp, /style-src 'self' 'unsafe-inline'/, what); // antd's CSS-in-JS
  assert.match(csp, /frame-ancestors 'none'/, what);
  assert.equal(h['x-content-type-options'], 'nosniff', what);
  assert.equal(h['referrer-policy'], 'no-referrer', what);
}

test('the build step writes .br and .gz beside each text file, each decompressing to the original', () => {
  const dir = fakeDist();
  assert.equal(compressDist(dir), 4);
  const js = join(dir, 'assets', 'index-AbC123xy.js');
  assert.equal(brotliDecompressSync(readFileSync(`${js}.br`)).toString(), SCRIPT);
  assert.equal(gunzipSync(readFileSync(`${js}.gz`)).toString(), SCRIPT);
  assert.equal(gunzipSync(readFileSync(join(dir, 'index.html.gz'))).toString(), INDEX);
  assert.ok(readFileSync(`${js}.br`).length < SCRIPT.length / 4);
});

test('workbench and API carry the security headers; assets compressed and cached by name', async () => {
  const dist = fakeDist();
  compressDist(dist);
  const { db, drop } = await freshDb('pglite');
  const app = await buildApp({ db, now: () => new Date(), version: 'test' }, { webDist: dist });
  try {
    const page = await app.inject({ method: 'GET', url: '/', headers: { 'accept-encoding': 'br, gzip' } });
    assert.equal(page.statusCode, 200);
    assert.equal(page.headers['content-encoding'], 'br');
    assert.equal(brotliDecompressSync(page.rawPayload).toString(), INDEX);
    assert.equal(page.headers['cache-control'], 'no-cache');
    assert.match(String(page.headers.vary), /accept-encoding/i);
    assertSecurityHeaders(page.headers, '/');

    const url = '/assets/index-AbC123xy.js';
    const gz = await app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip' } });
    assert.equal(gz.statusCode, 200);
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.match(String(gz.headers['content-type']), /javascript/);
    assert.equal(gunzipSync(gz.rawPayload).toString(), SCRIPT);
    assert.equal(gz.headers['cache-control'], 'public, max-age=31536000, immutable');
    assertSecurityHeaders(gz.headers, url);

    const plain = await app.inject({ method: 'GET', url });
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.equal(plain.body, SCRIPT);
    assert.equal(plain.headers['cache-control'], 'public, max-age=31536000, immutable');

    // a client-side route of the workbench gets index.html, never cached
    const route = await app.inject({ method: 'GET', url: '/persons/4109260000000001' });
    assert.equal(route.statusCode, 200);
    assert.equal(route.body, INDEX);
    assert.equal(route.headers['cache-control'], 'no-cache');
    assertSecurityHeaders(route.headers, 'client route');

    for (const [method, path] of [
      ['GET', '/api/health'],
      ['GET', '/api/no-such-route'],
      ['GET', '/api/import/jobs'], // 401 without a session
      ['POST', HIS_PATH],
    ] as const) {
      const res = await app.inject({ method, url: path, payload: method === 'POST' ? '{}' : undefined });
      assertSecurityHeaders(res.headers, `${method} ${path} (${res.statusCode})`);
    }
  } finally {
    await app.close();
    await drop();
  }
});

test('the workbench page has no inline script, so script-src needs no unsafe-inline', () => {
  const html = readFileSync(join(import.meta.dirname, '../../web/index.html'), 'utf8');
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
  assert.ok(scripts.length > 0);
  for (const [, attrs, body] of scripts) {
    assert.match(attrs, /\bsrc=/);
    assert.equal(body.trim(), '');
  }
});
