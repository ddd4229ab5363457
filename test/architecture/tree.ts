// Reads the repository's source tree for the architecture rules.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export const ROOT = join(import.meta.dirname, '../..');

export function readTree(root = ROOT, dirs = ['src', 'web/src']): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'node_modules' && e.name !== 'dist') walk(p);
      } else if (/\.(ts|tsx)$/.test(e.name)) {
        files.set(relative(root, p).split(sep).join('/'), readFileSync(p, 'utf8'));
      }
    }
  };
  for (const d of dirs) walk(join(root, d));
  return files;
}
