// `run --record DIR`: a listener of the exchanges each case sends, which writes them as a recording
// (src/recording/recording.ts) once the run's report is built. The files are masked for
// credentials as the reports are, whatever the normalisation did before.
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { CaseResult } from '../src/results.ts';
import type { RunValues } from '../src/recording/placeholders.ts';
import { CASES_FOLDER, recordingFiles, type RecordingFacts } from '../src/recording/recording.ts';
import { redactSecrets } from '../src/transport/index.ts';
import type { Observation } from '../src/transport/types.ts';
import { writeFilesAtomically } from './write-atomically.ts';

/** Every exchange of every case, under its case's id, in the order sent. */
export class ExchangeLog {
  private readonly byCase = new Map<string, Observation[]>();

  add(caseId: string, observation: Observation): void {
    const exchanges = this.byCase.get(caseId) ?? [];
    exchanges.push(observation);
    this.byCase.set(caseId, exchanges);
  }

  of(caseId: string): readonly Observation[] {
    return this.byCase.get(caseId) ?? [];
  }
}

/** A case file written by an earlier recording into the same directory: replaced, never left to mix with this one. */
const CASE_FILE = /^\d{4}-.*\.json$/;

/**
 * Writes the recording of `cases` (in report order) into `directory`: recording.json and one file
 * per case; the case files an earlier recording left there are removed first.
 */
export async function writeRecording(directory: string, facts: RecordingFacts, cases: readonly Pick<CaseResult, 'id' | 'clause' | 'title'>[], exchanges: ExchangeLog, values: RunValues | null, secrets: readonly string[]): Promise<void> {
  const folder = resolve(directory);
  const casesFolder = join(folder, CASES_FOLDER);
  await mkdir(casesFolder, { recursive: true });
  for (const name of await readdir(casesFolder)) if (CASE_FILE.test(name)) await rm(join(casesFolder, name));
  const files = recordingFiles(facts, cases.map((result) => ({ result, observations: exchanges.of(result.id) })), values);
  await writeFilesAtomically([...files].map(([name, text]) => ({ path: join(folder, name), chunks: [redactSecrets(text, secrets)] })));
}
