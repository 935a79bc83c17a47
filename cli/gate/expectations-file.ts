// The expectations file on disk: read (bounded, through src/user-file) before any case is sent, and
// written again by --update-expectations.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { writeFilesAtomically } from '../../reporters/write-atomically.ts';
import type { Expectations } from '../../src/gate/expectations.ts';
import { ExpectationsFileError, parseExpectations } from '../../src/gate/parse-expectations.ts';
import { renderExpectations, type RecordedMadeWith } from '../../src/gate/render-expectations.ts';
import type { ExpectationEntry } from '../../src/gate/update-expectations.ts';
import { readUserFile } from '../../src/user-file/read-user-file.ts';
import { UsageError } from '../commands/flags.ts';
import { randomSeed } from '../commands/run-settings.ts';

/** A few hundred entries of a few lines each; far more than any edition has cases. */
const MAX_EXPECTATIONS_BYTES = 1024 * 1024;

export function loadExpectations(file: string): Expectations {
  const read = readUserFile(file, { maxBytes: MAX_EXPECTATIONS_BYTES, expected: 'an expectations file, such as examples/moto.expectations.yaml' });
  if (read.problem !== null) throw new ExpectationsFileError([read.problem]);
  return parseExpectations(read.text, file);
}

/**
 * The known deviations a run is gated on: --expectations FILE; or, for --update-expectations FILE
 * alone, FILE itself when it exists, so that its reasons and comments survive the update. A file
 * made for another edition than the run's is refused: its every entry would be a regression.
 */
export function runExpectations(settings: { readonly expectations: string | null; readonly updateExpectations: string | null }, edition: string): Expectations | null {
  if (settings.updateExpectations !== null) {
    const folder = path.dirname(path.resolve(settings.updateExpectations));
    if (!existsSync(folder) || !statSync(folder).isDirectory()) {
      throw new UsageError(`--update-expectations ${settings.updateExpectations}: the folder ${folder} does not exist; create it, or name a file in an existing folder.`);
    }
  }
  const file = settings.expectations ?? (settings.updateExpectations !== null && existsSync(settings.updateExpectations) ? settings.updateExpectations : null);
  if (file === null) return null;
  const expectations = loadExpectations(file);
  const made = expectations.madeWith.edition;
  if (made !== null && made !== edition) {
    throw new UsageError(
      `${file} was made for the ${made} edition and this run judges the ${edition} edition, so every case would be judged against another contract's deviations: run with --edition ${made}, or gate on a file made with --edition ${edition} --update-expectations NEW-FILE.`,
    );
  }
  return expectations;
}

/** The seed a run draws from, and where it came from in words: --seed, else the expectations file's, else one at random. */
export function runSeed(flag: number | null, expectations: Expectations | null): { seed: number; origin: string } {
  if (flag !== null) return { seed: flag, origin: 'from --seed' };
  const recorded = expectations?.madeWith.seed ?? null;
  if (recorded !== null && expectations !== null) return { seed: recorded, origin: `from ${expectations.file}` };
  return { seed: randomSeed(), origin: 'drawn at random' };
}

/**
 * Writes the file, or says why not: never one larger than --expectations reads (every value in it
 * is within the bounds the reading checks, src/gate/expectations.ts).
 */
export async function writeExpectations(file: string, entries: readonly ExpectationEntry[], madeWith: RecordedMadeWith, previous: Expectations | null): Promise<string | null> {
  const text = renderExpectations(entries, madeWith, previous?.text ?? null);
  const bytes = Buffer.byteLength(text);
  if (bytes > MAX_EXPECTATIONS_BYTES) {
    return `${file} was not written: it would hold ${bytes} bytes, more than the ${MAX_EXPECTATIONS_BYTES} --expectations reads; remove entries of cases the run did not send (a --grep keeps them as they were), or start a new file.`;
  }
  await writeFilesAtomically([{ path: path.resolve(file), chunks: [text] }]);
  return null;
}
