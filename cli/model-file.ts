import { gunzipSync } from 'node:zlib';
import { ModelFormatError, type ServiceModel } from '../src/model/service-model.ts';
import { serviceModelOf } from '../src/model/read-model.ts';
import { UserFileError } from '../src/user-file/file-problem.ts';
import { parseJsonFile } from '../src/user-file/json-source.ts';
import { readUserBytes } from '../src/user-file/read-user-file.ts';

/** Lambda's Smithy model is about 1 MB; botocore's JSON about 0.5 MB. Anything past this is not one. */
const MAX_MODEL_BYTES = 32 * 1024 * 1024;
/** botocore's shapes nest a few levels deep, Smithy's traits a few more. */
const MAX_MODEL_DEPTH = 64;
const EXPECTED = "AWS's service model for Lambda: botocore's data/lambda/2015-03-31/service-2.json(.gz), or the Smithy JSON AST AWS publishes (lambda.json)";
const FIX = `pass ${EXPECTED}`;
const GZIP_MAGIC = [0x1f, 0x8b];

/** Reads the service model a user names, gzipped or not; a UserFileError naming the file when it cannot be read as one. */
export function readModelFile(file: string): ServiceModel {
  const subject = 'The model file';
  const read = readUserBytes(file, { maxBytes: MAX_MODEL_BYTES, expected: EXPECTED });
  if (read.problem !== null) throw new UserFileError(subject, [read.problem]);
  let bytes = read.bytes;
  if (GZIP_MAGIC.every((byte, index) => bytes[index] === byte)) {
    try {
      bytes = gunzipSync(bytes, { maxOutputLength: MAX_MODEL_BYTES });
    } catch (error) {
      throw new UserFileError(subject, [{ file, line: 0, column: 0, message: `it is gzipped but cannot be unpacked (${(error as NodeJS.ErrnoException).code ?? String(error)})`, fix: FIX }]);
    }
  }
  const parsed = parseJsonFile(file, bytes.toString('utf8'), FIX, MAX_MODEL_DEPTH);
  if (parsed.problem !== null) throw new UserFileError(subject, [parsed.problem]);
  try {
    return serviceModelOf(parsed.value);
  } catch (error) {
    if (!(error instanceof ModelFormatError)) throw error;
    throw new UserFileError(subject, [{ file, line: 0, column: 0, message: `it is not a service model: ${error.message}`, fix: FIX }]);
  }
}
