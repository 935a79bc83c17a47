// Pure: a recording's files, once parsed as JSON, checked to be what `run --record` writes, every
// field this tool reads type-checked; what is wrong said with how to fix it.
import { isJsonObject } from '../json-object.ts';
import { RECORDING_FORMAT, type RecordedBody, type RecordedCaseFile, type RecordedExchange, type RecordingIndex } from './recording.ts';

export const RECORDING_FIX = 'pass a directory that "lambda-esm-conformance run --record DIR" wrote, or record it again';

export type Checked<T> = { readonly value: T; readonly problem: null } | { readonly value: null; readonly problem: string };

const isString = (value: unknown): value is string => typeof value === 'string';
const isStringRecord = (value: unknown): value is Record<string, string> => isJsonObject(value) && Object.values(value).every(isString);

function isBody(value: unknown): value is RecordedBody {
  return value === null || (isJsonObject(value) && (('json' in value && Object.keys(value).length === 1) || isString(value.text)));
}

function isExchange(value: unknown): value is RecordedExchange {
  if (!isJsonObject(value) || !isJsonObject(value.request)) return false;
  const { request, response } = value;
  const requestFits = isString(request.method) && isString(request.path) && isStringRecord(request.headers) && isBody(request.body);
  const responseFits = response === null || (isJsonObject(response) && Number.isInteger(response.status) && isStringRecord(response.headers) && isBody(response.body));
  return requestFits && responseFits;
}

/** recording.json, or what is wrong with it. */
export function recordingIndexOf(value: unknown): Checked<RecordingIndex> {
  if (!isJsonObject(value)) return { value: null, problem: 'it is not a JSON object' };
  if (value.format !== RECORDING_FORMAT) return { value: null, problem: `its format is ${JSON.stringify(value.format) ?? 'missing'}, this tool reads format ${RECORDING_FORMAT}` };
  const fields = ['edition', 'region', 'target', 'date'].filter((field) => !isString(value[field]));
  const cases = value.cases;
  const casesFit = Array.isArray(cases) && cases.every((entry) => isJsonObject(entry) && isString(entry.id) && isString(entry.file) && /^cases\/[\w.-]+\.json$/.test(entry.file));
  if (fields.length > 0 || !casesFit || !isJsonObject(value.tool)) {
    return { value: null, problem: `it lacks ${[...fields, ...(casesFit ? [] : ['cases (each an id and a file under cases/)']), ...(isJsonObject(value.tool) ? [] : ['tool'])].join(', ')}` };
  }
  return { value: value as unknown as RecordingIndex, problem: null };
}

/** A case file, or what is wrong with it. */
export function caseFileOf(value: unknown): Checked<RecordedCaseFile> {
  if (!isJsonObject(value) || !isString(value.case) || !Array.isArray(value.exchanges)) return { value: null, problem: 'it is not a case of a recording (a case id and its exchanges)' };
  const wrong = value.exchanges.findIndex((exchange) => !isExchange(exchange));
  if (wrong >= 0) return { value: null, problem: `its exchange ${wrong + 1} is not a request (method, path, headers, body) and an answer (status, headers, body) or null` };
  return { value: value as unknown as RecordedCaseFile, problem: null };
}
