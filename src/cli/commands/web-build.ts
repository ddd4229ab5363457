import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const ROOT = join(import.meta.dirname, '../../..');
const WEB = join(ROOT, 'web');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** Build the workbench with Vite when web/dist is missing or older than its sources. */
export async function ensureWebBuilt(): Promise<void> {
  if (process.env.YIBAO_WEB_DIST) return; // serving a build made elsewhere
  const config = join(WEB, 'vite.config.ts');
  if (!existsSync(config)) return;
  const index = join(WEB, 'dist', 'index.html');
  const src = join(WEB, 'src');
  // the workbench also imports pure rules and labels from src/domain
  const sources = Math.max(
    newestMtime(src),
    newestMtime(join(ROOT, 'src', 'domain')),
    statSync(config).mtimeMs,
    statSync(join(WEB, 'index.html')).mtimeMs,
  );
  if (existsSync(index) && existsSync(src) && statSync(index).mtimeMs >= sources) {
    if (!existsSync(`${index}.gz`)) compressDist(join(WEB, 'dist')); // built before compression existed
    return;
  }
  await buildWeb();
}

/** Build the workbench and write its compressed siblings (`npm run build:web`). */
export async function buildWeb(): Promise<void> {
  console.log('正在构建工作台…');
  const { build } = await import('vite');
  await build({ configFile: join(WEB, 'vite.config.ts'), logLevel: 'warn' });
  compressDist(join(WEB, 'dist'));
}

const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|map|ico|wasm)$/;

/**
 * Write name.br and name.gz beside every text file of the build, once, at build time: the server
 * (@fastify/static preCompressed) sends the smallest the browser accepts without compressing on
 * each request. Files that would not shrink are left alone.
 */
export function compressDist(dir: string): number {
  let written = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) {
      written += compressDist(p);
      continue;
    }
    if (!COMPRESSIBLE.test(entry.name)) continue;
    const raw = readFileSync(p);
    const br = brotliCompressSync(raw, {
      params: {
        // quality 10: within 2 % of the maximum at a third of its time (≈2 s for the whole build)
        [constants.BROTLI_PARAM_QUALITY]: 10,
        [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
      },
    });
    const gz = gzipSync(raw, { level: constants.Z_BEST_COMPRESSION });
    if (br.length < raw.length) {
      writeFileSync(`${p}.br`, br);
      written++;
    }
    if (gz.length < raw.length) {
      writeFileSync(`${p}.gz`, gz);
      written++;
    }
  }
  return written;
}

if (import.meta.main) await buildWeb();
