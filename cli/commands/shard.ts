// --shard I/N: which slice of a split run this one is.
import type { Shard } from '../../src/cases/select.ts';

/** More slices than any CI matrix runs; a bound so that a typo (--shard 1/10000000) is refused. */
export const MAX_SHARDS = 256;

const SHARD = /^(\d{1,4})\/(\d{1,4})$/;

/** The slice a --shard value names, or null when it names none. */
export function shardOf(text: string): Shard | null {
  const match = SHARD.exec(text.trim());
  if (match === null) return null;
  const index = Number(match[1]);
  const count = Number(match[2]);
  return index >= 1 && index <= count && count <= MAX_SHARDS ? { index, count } : null;
}

/** The refusal of a --shard value that names no slice; null for one that does. */
export function shardProblem(text: string): string | null {
  if (shardOf(text) !== null) return null;
  return `--shard "${text}" must be I/N, the I-th of N slices, with 1 ≤ I ≤ N ≤ ${MAX_SHARDS}: such as --shard 2/3 in the second of three CI jobs.`;
}
