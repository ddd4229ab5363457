// What every response carries, and how the built workbench is served: security headers on the
// API and the workbench alike; the static files pre-compressed at build time (brotli, gzip) and
// cached by name — hashed files under /assets/ for a year, index.html revalidated on every load
// so a new release is picked up at once.
import { existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyReply } from 'fastify';
import type { App } from './context.ts';
import { errorBody } from './errors.ts';

// The built app loads only its own scripts (no inline <script> in index.html); antd's CSS-in-JS
// injects <style> elements at run time, hence style-src 'unsafe-inline'. ECharts draws on canvas
// and may use data:/blob: images.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
};

export const IMMUTABLE = 'public, max-age=31536000, immutable';

export function installSecurityHeaders(app: App): void {
  // onRequest: set before any handler, so errors and 404s carry them too
  app.addHook('onRequest', async (_req, reply) => {
    reply.headers(SECURITY_HEADERS);
  });
}

/** Vite names every file under assets/ by its content hash; everything else may change in place. */
function cacheControl(root: string, file: string): string {
  const rel = relative(root, file).split(sep);
  return rel.length > 1 && rel[0] === 'assets' ? IMMUTABLE : 'no-cache';
}

export async function serveWorkbench(app: App, dist: string): Promise<void> {
  const hasDist = dist !== '' && existsSync(dist);
  if (hasDist) {
    await app.register(fastifyStatic, {
      root: dist,
      wildcard: false,
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply: FastifyReply, path: string) => {
        // with preCompressed the path may be the .br/.gz sibling: the name before it decides
        reply.header('cache-control', cacheControl(dist, path.replace(/\.(br|gz)$/, '')));
      },
    });
  }
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || req.url.startsWith('/fsi/') || req.method !== 'GET') {
      return reply.status(404).send(errorBody({ code: 'NOT_FOUND', message: '请求的接口不存在' }));
    }
    // client-side routes of the workbench
    if (hasDist && existsSync(join(dist, 'index.html'))) return reply.sendFile('index.html');
    return reply.status(404).send(errorBody({ code: 'NOT_FOUND', message: '工作台尚未构建' }));
  });
}
