import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

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
  if (existsSync(index) && existsSync(src) && statSync(index).mtimeMs >= sources) return;
  console.log('正在构建工作台…');
  const { build } = await import('vite');
  await build({ configFile: config, logLevel: 'warn' });
}
