// A finding's id: its signature in a few words, the same in every run that sees the same failures.

const MAX_WORDS_LENGTH = 72;

/** "400 InvalidParameterValueException or 404 (any error type)" → "400-invalid-parameter-value-or-404-any". */
function slug(text: string): string {
  return text
    .replace(/\(left open by the documentation\)/g, '')
    .replace(/\(any error type\)/g, 'any')
    .replace(/\(no error type\)/g, 'untyped')
    .replace(/Exception\b/g, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** FNV-1a, 32 bits, in base 36: a short, stable digest of a signature. */
export function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (const unit of text) {
    hash ^= unit.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}

export interface FindingWords {
  /** The signature's key: two failures have the same finding exactly when their keys are equal. */
  readonly key: string;
  readonly words: string;
  /** The words were cut to length, and so may not tell two signatures apart. */
  readonly cut: boolean;
}

/** "status-201-for-202"; "unjudged-for-202" when there was no answer. */
export function findingWords(key: string, prefix: string, observed: string | null, expected: string): FindingWords {
  const words = [prefix, ...(observed === null ? [] : [slug(observed)]), 'for', slug(expected)].filter((word) => word !== '').join('-');
  if (words.length <= MAX_WORDS_LENGTH) return { key, words, cut: false };
  return { key, words: words.slice(0, MAX_WORDS_LENGTH).replace(/-+$/, ''), cut: true };
}

/**
 * Ids for signatures, by key: their words, unless two signatures of the run read the same, or the
 * words were cut; then each such id ends in a digest of its own signature, so it stays the same
 * in every run.
 */
export function findingIds(entries: readonly FindingWords[]): Map<string, string> {
  const readers = new Map<string, number>();
  for (const { words } of entries) readers.set(words, (readers.get(words) ?? 0) + 1);
  return new Map(entries.map(({ key, words, cut }) => [key, cut || (readers.get(words) ?? 0) > 1 ? `${words}-${shortHash(key)}` : words]));
}
