import { ModelFormatError } from './service-model.ts';

// The few checks a reader of an unknown JSON value needs, each naming where the value is wrong.

export type JsonRecord = Readonly<Record<string, unknown>>;

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function recordAt(value: unknown, where: string): JsonRecord {
  if (!isRecord(value)) throw new ModelFormatError(`${where} is not a JSON object`);
  return value;
}

export function stringAt(value: unknown, where: string): string {
  if (typeof value !== 'string') throw new ModelFormatError(`${where} is not a string`);
  return value;
}

export function optionalString(value: unknown, where: string): string | undefined {
  return value === undefined ? undefined : stringAt(value, where);
}

export function optionalNumber(value: unknown, where: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new ModelFormatError(`${where} is not a number`);
  return value;
}

export function arrayAt(value: unknown, where: string): readonly unknown[] {
  if (!Array.isArray(value)) throw new ModelFormatError(`${where} is not a JSON array`);
  return value;
}

/** The facets without the keys whose value is undefined, so that two readings compare equal. */
export function definedOnly<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;
}
