import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm, rename } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { once } from 'node:events';

function temporaryPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

export interface StreamedFile {
  readonly path: string;
  /** The content in pieces, produced only as the file stream takes them. */
  readonly chunks: Iterable<string>;
}

/**
 * Writes each file piece by piece through a temporary file, and renames them all into place only
 * once every one is complete: a content that fails half-way leaves the old set untouched, and no
 * content is ever held whole in memory.
 */
export async function writeFilesAtomically(files: readonly StreamedFile[]): Promise<void> {
  const staged = files.map((file) => ({ ...file, temporary: temporaryPathFor(file.path) }));
  try {
    for (const file of staged) await writeChunks(file.temporary, file.chunks);
    for (const file of staged) await rename(file.temporary, file.path);
  } catch (error) {
    await Promise.all(staged.map((file) => rm(file.temporary, { force: true })));
    throw error;
  }
}

async function writeChunks(path: string, chunks: Iterable<string>): Promise<void> {
  const stream = createWriteStream(path, { encoding: 'utf8' });
  const failed = once(stream, 'error').then(([error]) => Promise.reject(error as Error));
  failed.catch(() => undefined);
  try {
    for (const chunk of chunks) {
      if (!stream.write(chunk)) await Promise.race([once(stream, 'drain'), failed]);
    }
  } finally {
    stream.end();
    await Promise.race([once(stream, 'close'), failed]);
  }
}
