import { randomBytes } from 'node:crypto';
import { constants, createWriteStream } from 'node:fs';
import { copyFile, link, rm, rename } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { once } from 'node:events';

function temporaryPathFor(path: string, suffix = 'tmp'): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.${suffix}`);
}

export interface StreamedFile {
  readonly path: string;
  /** The content in pieces, produced only as the file stream takes them. */
  readonly chunks: Iterable<string>;
}

/**
 * Writes each file piece by piece through a temporary file, and puts them all in place only once
 * every one is complete; if one cannot be put in place, those already moved are given their old
 * content back. Either the whole new set is there or the whole old one, and no content is ever held
 * whole in memory.
 */
export async function writeFilesAtomically(files: readonly StreamedFile[]): Promise<void> {
  const staged = files.map((file) => ({ ...file, temporary: temporaryPathFor(file.path), backup: temporaryPathFor(file.path, 'old') }));
  const kept: string[] = [];
  const placed: (typeof staged)[number][] = [];
  try {
    for (const file of staged) await writeChunks(file.temporary, file.chunks);
    for (const file of staged) if (await keepOld(file.path, file.backup)) kept.push(file.backup);
    for (const file of staged) {
      await rename(file.temporary, file.path);
      placed.push(file);
    }
  } catch (error) {
    for (const file of placed.reverse()) await (kept.includes(file.backup) ? rename(file.backup, file.path) : rm(file.path, { force: true }));
    await Promise.all(staged.flatMap((file) => [rm(file.temporary, { force: true }), rm(file.backup, { force: true })]));
    throw error;
  }
  await Promise.all(kept.map((backup) => rm(backup, { force: true })));
}

/** Keeps what is at `path` at `backup` (a hard link, or a copy where links are not allowed); false when there is nothing. */
async function keepOld(path: string, backup: string): Promise<boolean> {
  try {
    await link(path, backup);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    await copyFile(path, backup, constants.COPYFILE_EXCL);
  }
  return true;
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
