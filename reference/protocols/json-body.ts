import { ServiceError } from '../service-error.ts';

export type JsonObject = Record<string, unknown>;

// Reads a request body that must be a JSON object. `invalid` builds the protocol's own error for a
// body that is not one (Lambda: InvalidParameterValueException; AWS JSON services: SerializationException),
// so a malformed body is always a clear 4xx naming what was wrong, never an exception escaping to the server.
export function readJsonObject(
  body: Buffer,
  options: { emptyMeans: 'empty-object' | 'error'; invalid: (message: string) => ServiceError },
): JsonObject {
  const text = body.toString('utf8');
  if (text.trim() === '') {
    if (options.emptyMeans === 'empty-object') return {};
    throw options.invalid('The request body is empty; it must be a JSON object.');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw options.invalid(`The request body is not valid JSON (${reason}).`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw options.invalid(`The request body must be a JSON object, not ${describeJsonType(parsed)}.`);
  }
  return parsed as JsonObject;
}

// Names a JSON value's type the way a person would, for error messages.
export function describeJsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'an integer' : 'a non-integer number';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}
