// "Did you mean": the known word a mistyped one is closest to, for flags, commands, editions, keys
// of a user's file and case ids.

/** The Levenshtein distance: insertions, deletions and substitutions that turn `a` into `b`. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** Words longer than this are not typos of a short known word, and would cost a quadratic comparison each. */
const MAX_COMPARED_LENGTH = 300;

/**
 * The known word closest to `given`, within `maxDistance` edits (ties: the first in `known`), or
 * null when none is that close.
 */
export function closestWord(given: string, known: Iterable<string>, maxDistance = 2): string | null {
  if (given.length > MAX_COMPARED_LENGTH) return null;
  let best: { word: string; distance: number } | null = null;
  for (const word of known) {
    if (Math.abs(word.length - given.length) > maxDistance || word.length > MAX_COMPARED_LENGTH) continue;
    const distance = editDistance(given, word);
    if (distance <= maxDistance && (best === null || distance < best.distance)) best = { word, distance };
  }
  return best?.word ?? null;
}
