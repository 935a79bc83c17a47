import { describeJsonType, type JsonObject } from '../protocols/json-body.ts';
import { invalidParameter } from '../service-error.ts';

// Reading request members by their JSON type, shared by both editions: JSON null counts as absent,
// as AWS's deserialisers treat it, and a value of the wrong type is a 400 that names the member.
export function optional<T>(body: JsonObject, field: string, expected: string, accepts: (value: unknown) => value is T): T | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (!accepts(value)) {
    throw invalidParameter(`${field} must be ${expected}, but the request gave ${describeJsonType(value)} (${JSON.stringify(value)}).`);
  }
  return value;
}

export function isString(value: unknown): value is string {
  return typeof value === 'string';
}

export function isBoolean(value: unknown): value is boolean {
  return typeof value === 'boolean';
}

// JSON has one number type: 10 and 10.0 are the same value, 10.5 is not an integer.
export function isInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value);
}

export function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
