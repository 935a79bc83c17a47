// Reads a recording directory (src/recording/recording.ts) through src/user-file: every file
// bounded, parsed, checked; a problem names the file and how to fix it.
import { join } from 'node:path';
import { caseFileOf, RECORDING_FIX, recordingIndexOf, type Checked } from '../../src/recording/parse-recording.ts';
import { RECORDING_FILE, recordingLabel, type RecordedCaseFile, type RecordingIndex } from '../../src/recording/recording.ts';
import { MAX_JSON_DEPTH } from '../../src/transport/json-answer.ts';
import { UserFileError, type FileProblem } from '../../src/user-file/file-problem.ts';
import { parseJsonFile } from '../../src/user-file/json-source.ts';
import { readUserFile } from '../../src/user-file/read-user-file.ts';

/** A case file holds a property case's every value: far below this. */
const MAX_FILE_BYTES = 16 * 1024 * 1024;
/** A body nested as deep as the transport parses, inside the file's own levels. */
const MAX_DEPTH = MAX_JSON_DEPTH + 8;

export interface LoadedRecording {
  readonly directory: string;
  readonly index: RecordingIndex;
  /** "AWS us-east-1, 2026-12-01": how reports name it. */
  readonly label: string;
  /** By case id, each with the path it was read from. */
  readonly cases: ReadonlyMap<string, RecordedCaseFile & { readonly path: string }>;
}

/** The recording in `directory`; a UserFileError listing what is wrong with it otherwise. */
export function loadRecording(directory: string): LoadedRecording {
  const index = readChecked(join(directory, RECORDING_FILE), recordingIndexOf);
  const cases = new Map(index.cases.map(({ id, file }) => {
    const path = join(directory, file);
    return [id, { ...readChecked(path, caseFileOf), path }] as const;
  }));
  return { directory, index, label: recordingLabel(index), cases };
}

function readChecked<T>(path: string, check: (value: unknown) => Checked<T>): T {
  const refuse = (problem: FileProblem): never => {
    throw new UserFileError('The recording', [problem]);
  };
  const read = readUserFile(path, { maxBytes: MAX_FILE_BYTES, expected: 'a file of a recording that "lambda-esm-conformance run --record DIR" wrote' });
  if (read.problem !== null) return refuse(read.problem);
  const parsed = parseJsonFile(path, read.text, RECORDING_FIX, MAX_DEPTH);
  if (parsed.problem !== null) return refuse(parsed.problem);
  const checked = check(parsed.value);
  if (checked.value === null) return refuse({ file: path, line: 0, column: 0, message: checked.problem ?? 'it cannot be read', fix: RECORDING_FIX });
  return checked.value;
}
