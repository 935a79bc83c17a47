import type { Citation } from './types.ts';

export interface LocatedCitation extends Citation {
  /** Where in the spec the citation stands, as keys from the root. */
  readonly path: readonly string[];
}

/** Every rule of a spec that names a clause, in document order. */
export function citationsOf(value: unknown, path: readonly string[] = []): LocatedCitation[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => citationsOf(item, [...path, String(index)]));
  if (typeof value !== 'object' || value === null) return [];
  const record = value as Record<string, unknown>;
  const own: LocatedCitation[] =
    typeof record['clause'] === 'string' && typeof record['doc'] === 'string' ? [{ clause: record['clause'], doc: record['doc'], path }] : [];
  return [...own, ...Object.entries(record).flatMap(([key, child]) => citationsOf(child, [...path, key]))];
}
