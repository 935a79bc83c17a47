// `drift --model FILE`: the edition held against AWS's own service model for Lambda. One line per
// difference with what to do (or one JSON object); exit 0 when nothing differs, 1 when something
// does, 2 for a model, an edition or a document that cannot be read.
import path from 'node:path';
import { isExtractedDocument, type EditionDocument } from '../../src/drift/document-drift.ts';
import { driftOf, type Drift } from '../../src/drift/drift.ts';
import { ModelFormatError } from '../../src/model/service-model.ts';
import { editionPath, loadEdition } from '../../src/spec/load.ts';
import { UserFileError } from '../../src/user-file/file-problem.ts';
import { readUserFile } from '../../src/user-file/read-user-file.ts';
import { consoleLine } from '../../reporters/console-line.ts';
import type { CommandIo } from '../io.ts';
import { readModelFile } from '../model-file.ts';
import { DRIFT_FLAGS } from './flag-tables.ts';
import { parseFlags, resolveFlags, UsageError } from './flags.ts';

/** An edition's document is a few hundred lines of text. */
const MAX_DOCUMENT_BYTES = 4 * 1024 * 1024;

export async function drift(argv: string[], io: CommandIo): Promise<number> {
  const { values: flags } = resolveFlags(DRIFT_FLAGS, parseFlags('drift', argv, DRIFT_FLAGS), process.env);
  if (flags.model === undefined) {
    throw new UsageError("drift needs --model FILE: AWS's service model for Lambda, such as botocore's data/lambda/2015-03-31/service-2.json.gz (python3 -c 'import botocore, os; print(os.path.dirname(botocore.__file__))' says where botocore is).");
  }
  const spec = loadEdition(flags.edition);
  const model = readModelFile(flags.model);
  const specFile = path.relative(process.cwd(), editionPath(flags.edition));
  const document = editionDocument(path.join(path.dirname(editionPath(flags.edition)), spec.document));
  const drifts = modelRead(flags.model, () => driftOf({ spec, specFile, model, document }));
  if (flags.json) {
    io.stdout(`${JSON.stringify({ edition: flags.edition, model: { file: flags.model, format: model.format, apiVersion: model.apiVersion }, document: document?.file ?? null, differences: drifts }, null, 2)}\n`);
  } else {
    const print = (line: string): void => io.stdout(`${consoleLine(line, [])}\n`);
    for (const difference of drifts) print(driftLine(difference));
    if (document === null) print(`(${spec.document} was not extracted from a model: its documentation strings are not compared.)`);
    print(drifts.length === 0 ? `The ${flags.edition} edition agrees with the model (${model.format}, API version ${model.apiVersion}).` : `${drifts.length} ${drifts.length === 1 ? 'difference' : 'differences'} between the ${flags.edition} edition and the model.`);
  }
  return drifts.length === 0 ? 0 : 1;
}

export function driftLine(difference: Drift): string {
  return `${difference.where}: ${difference.says}; ${difference.todo}.`;
}

/** What `compare` finds, or, for a model that lacks what the comparison looks up (the operation, a shape it names), a UserFileError naming the file. */
function modelRead<T>(file: string, compare: () => T): T {
  try {
    return compare();
  } catch (error) {
    if (!(error instanceof ModelFormatError)) throw error;
    throw new UserFileError('The model file', [{ file, line: 0, column: 0, message: `it is not Lambda's service model: ${error.message}`, fix: "pass AWS's service model for Lambda (2015-03-31)" }]);
  }
}

/** The edition's document when it was extracted from a model, else null. */
function editionDocument(file: string): EditionDocument | null {
  const shown = path.relative(process.cwd(), file);
  const read = readUserFile(file, { maxBytes: MAX_DOCUMENT_BYTES, expected: "the edition's document (its document: in the spec)" });
  if (read.problem !== null) throw new UserFileError("The edition's document", [{ ...read.problem, file: shown }]);
  return isExtractedDocument(read.text) ? { file: shown, text: read.text } : null;
}
