// The accepted changes of a job between validation and writing, kept in a temporary file (one
// JSON line per chunk) so memory holds one chunk whatever the file's size.
import { createReadStream } from 'node:fs';
import { type FileHandle, mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface Stage<T> {
  append(chunk: readonly T[]): Promise<void>;
  /** the chunks in the order they were appended */
  chunks(): AsyncGenerator<T[]>;
  remove(): Promise<void>;
}

export async function createStage<T>(): Promise<Stage<T>> {
  const dir = await mkdtemp(join(tmpdir(), 'yibao-stage-'));
  const path = join(dir, 'changes.ndjson');
  let out: FileHandle | null = await open(path, 'w');
  return {
    async append(chunk) {
      if (chunk.length > 0) await out!.write(`${JSON.stringify(chunk)}\n`);
    },
    async *chunks() {
      if (out) {
        await out.close();
        out = null;
      }
      const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
      for await (const line of lines) if (line) yield JSON.parse(line) as T[];
    },
    async remove() {
      await out?.close();
      out = null;
      await rm(dir, { recursive: true, force: true });
    },
  };
}
