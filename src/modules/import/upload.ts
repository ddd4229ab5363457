// An import's file on disk: an upload is streamed to a temporary file (hashed and counted on the
// way, never held in memory) and the job reads it from there; the CLI reads the user's file in
// place. Small in-memory files (tests) are accepted as they are.
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileTooLarge, type ImportLimits } from './limits.ts';

export interface StoredFile {
  path: string;
  size: number;
  sha256: string;
}

/** What an import reads: the bytes themselves (tests, small files) or a file on disk. */
export type ImportSource = Uint8Array | StoredFile;

const isStored = (s: ImportSource): s is StoredFile => !(s instanceof Uint8Array);

export const sizeOf = (s: ImportSource) => (isStored(s) ? s.size : s.length);

export function sha256Of(s: ImportSource): string {
  return isStored(s) ? s.sha256 : createHash('sha256').update(s).digest('hex');
}

/** The file's bytes as a stream of chunks (64 KB from disk). */
export function openSource(s: ImportSource): Readable {
  return isStored(s)
    ? createReadStream(s.path, { highWaterMark: 64 * 1024 })
    : Readable.from([Buffer.from(s)]);
}

let uploadDir: Promise<string> | undefined;

/**
 * Stream an upload to a temporary file. Over `limits.maxBytes` (the multipart parser stops
 * reading and sets `truncated`) the file is removed and IMPORT_TOO_LARGE thrown.
 */
export async function saveUpload(
  stream: Readable & { truncated?: boolean },
  limits: ImportLimits,
): Promise<StoredFile> {
  uploadDir ??= mkdtemp(join(tmpdir(), 'yibao-upload-'));
  const path = join(await uploadDir, `${Date.now()}-${randomBytes(6).toString('hex')}`);
  const hash = createHash('sha256');
  let size = 0;
  const count = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      hash.update(chunk);
      if (size > limits.maxBytes) done(fileTooLarge(limits));
      else done(null, chunk);
    },
  });
  try {
    await pipeline(stream, count, createWriteStream(path));
    if (stream.truncated) throw fileTooLarge(limits);
  } catch (e) {
    await removeFile({ path, size, sha256: '' });
    throw e;
  }
  return { path, size, sha256: hash.digest('hex') };
}

/** A file the user named (CLI): hashed in one streamed pass, read in place. */
export async function storedFile(path: string): Promise<StoredFile> {
  const { size } = await stat(path);
  const hash = createHash('sha256');
  await pipeline(createReadStream(path), hash);
  return { path, size, sha256: hash.digest('hex') };
}

export async function removeFile(f: StoredFile): Promise<void> {
  await rm(f.path, { force: true });
}
