// The shape of a results.json, field by field, as small checks that say where a value is wrong:
// `merge` and `dashboard` render what they read, so every field they walk is checked before.
import { CHECK_NAMES } from '../checks/index.ts';
import { isJsonObject } from '../json-object.ts';

/** Whether `value` has the shape; each mismatch is a sentence in `problems` naming `where` it is. */
export type Shape = (value: unknown, where: string, problems: string[]) => boolean;

function matching(test: (value: unknown) => boolean, what: string): Shape {
  return (value, where, problems) => {
    if (test(value)) return true;
    problems.push(`${where} is not ${what}`);
    return false;
  };
}

export const text = matching((value) => typeof value === 'string', 'a string');
export const wholeNumber = matching((value) => Number.isSafeInteger(value) && (value as number) >= 0, 'a whole number');
const finiteNumber = matching((value) => typeof value === 'number' && Number.isFinite(value) && value >= 0, 'a number');
const yesNo = matching((value) => typeof value === 'boolean', 'true or false');
const anything: Shape = () => true;

function oneOf(values: readonly unknown[]): Shape {
  return matching((value) => values.includes(value), `one of ${values.map((value) => JSON.stringify(value)).join(', ')}`);
}

export function orNull(shape: Shape): Shape {
  return (value, where, problems) => value === null || shape(value, where, problems);
}

function listOf(shape: Shape): Shape {
  return (value, where, problems) => {
    if (!Array.isArray(value)) return matching(() => false, 'a list')(value, where, problems);
    // Every item is checked, so that every problem is named.
    return value.map((item, index) => shape(item, `${where}[${index}]`, problems)).every(Boolean);
  };
}

/** An object with these members; a member named with a trailing `?` may be left out. */
export function objectOf(members: Readonly<Record<string, Shape>>): Shape {
  return (value, where, problems) => {
    if (!isJsonObject(value)) return matching(() => false, 'an object')(value, where, problems);
    return Object.entries(members)
      .map(([key, shape]) => {
        const name = key.replace(/\?$/, '');
        if (key.endsWith('?') && value[name] === undefined) return true;
        return shape(value[name], `${where}.${name}`, problems);
      })
      .every(Boolean);
  };
}

const textMap = matching((value) => isJsonObject(value) && Object.values(value).every((item) => typeof item === 'string'), 'an object of strings');
const check = oneOf(CHECK_NAMES);
const outcome = objectOf({ status: wholeNumber, errorTypes: listOf(text) });
const request = orNull(objectOf({ method: text, url: text, headers: textMap, body: orNull(text) }));
const response = orNull(objectOf({ status: wholeNumber, headers: textMap, body: anything, 'bodyTruncated?': objectOf({ keptBytes: wholeNumber, receivedBytes: wholeNumber, complete: yesNo }) }));

/** A case of results.json besides its id, outcome and response, which runRecordOf checks with its own words. */
export const caseShape = objectOf({
  clause: text,
  doc: text,
  title: text,
  sourceType: orNull(oneOf(['kinesis', 'dynamodb', 'sqs', 'sqsFifo'])),
  finding: orNull(text),
  expected: objectOf({ status: wholeNumber, errorTypes: listOf(text), alsoAccepted: listOf(outcome), why: text }),
  request,
  reasons: listOf(objectOf({ check, clause: text, message: text })),
  durationMs: finiteNumber,
  attempts: wholeNumber,
  gate: orNull(
    objectOf({
      status: oneOf(['conforms', 'expected', 'unexpected-pass', 'regression']),
      entry: orNull(objectOf({ pattern: text, reason: text, link: orNull(text) })),
      note: orNull(text),
    }),
  ),
  'counterexample?': objectOf({
    field: text,
    value: matching((value) => typeof value === 'string' || Number.isFinite(value), 'a string or a number'),
    request,
    response,
    runsUntilFailure: wholeNumber,
    shrinkSteps: wholeNumber,
    shrinkRequests: wholeNumber,
    shrinkLimit: orNull(wholeNumber),
    seed: wholeNumber,
    propertySeed: matching(Number.isSafeInteger, 'an integer'),
    path: text,
  }),
});

/** What the run around the cases recorded: how it was run, its gate and its level. */
export const runShape = objectOf({
  'label?': text,
  startedAt: matching((value) => typeof value === 'string' && !Number.isNaN(Date.parse(value)), 'a date (ISO 8601)'),
  durationMs: finiteNumber,
  complete: yesNo,
  interruption: orNull(text),
  scope: objectOf({
    grep: orNull(text),
    repeat: wholeNumber,
    seed: orNull(wholeNumber),
    editionCases: wholeNumber,
    partial: yesNo,
    'shard?': objectOf({ index: wholeNumber, count: wholeNumber, selectedCases: wholeNumber, selectionPartial: yesNo }),
  }),
  requests: orNull(
    objectOf({
      apiCalls: wholeNumber,
      requests: wholeNumber,
      throttled: wholeNumber,
      retries: wholeNumber,
      limiterWaitMs: finiteNumber,
      backoffMs: finiteNumber,
      capRps: orNull(finiteNumber),
    }),
  ),
  gate: orNull(objectOf({ file: text, expected: wholeNumber, unexpectedPass: wholeNumber, regression: wholeNumber, stale: listOf(objectOf({ pattern: text, line: wholeNumber })) })),
  certification: objectOf({ level: oneOf([0, 1, 2, 3]) }),
});
