// The expectations file on disk: read (bounded, through src/user-file) before any case is sent, and
// written again by --update-expectations.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { writeFilesAtomically } from '../../reporters/write-atomically.ts';
import type { Expectations } from '../../src/gate/expectations.ts';
import { ExpectationsFileError, parseExpectations } from '../../src/gate/parse-expectations.ts';
import { renderExpectations, type ExpectationEntry } from '../../src/gate/update-expectations.ts';
import { readUserFile } from '../../src/user-file/read-user-file.ts';
import { UsageError } from '../commands/flags.ts';

/** A few hundred entries of a few lines each; far more than any edition has cases. */
const MAX_EXPECTATIONS_BYTES = 1024 * 1024;

export function loadExpectations(file: string): Expectations {
  const read = readUserFile(file, { maxBytes: MAX_EXPECTATIONS_BYTES, expected: 'an expectations file, such as examples/moto.expectations.yaml' });
  if (read.problem !== null) throw new ExpectationsFileError([read.problem]);
  return parseExpectations(read.text, file);
}

/**
 * The known deviations a run is gated on: --expectations FILE; or, for --update-expectations FILE
 * alone, FILE itself when it exists, so that its reasons survive the update.
 */
export function runExpectations(settings: { readonly expectations: string | null; readonly updateExpectations: string | null }): Expectations | null {
  if (settings.updateExpectations !== null) {
    const folder = path.dirname(path.resolve(settings.updateExpectations));
    if (!existsSync(folder) || !statSync(folder).isDirectory()) {
      throw new UsageError(`--update-expectations ${settings.updateExpectations}: the folder ${folder} does not exist; create it, or name a file in an existing folder.`);
    }
  }
  if (settings.expectations !== null) return loadExpectations(settings.expectations);
  if (settings.updateExpectations !== null && existsSync(settings.updateExpectations)) return loadExpectations(settings.updateExpectations);
  return null;
}

export async function writeExpectations(file: string, entries: readonly ExpectationEntry[]): Promise<void> {
  await writeFilesAtomically([{ path: path.resolve(file), chunks: [renderExpectations(entries)] }]);
}
