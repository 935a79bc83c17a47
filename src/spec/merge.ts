// An edition written as the changes to another (`extends: seed`): what it says wins, key by key.
// JSON Merge Patch (RFC 7396) — a mapping merges into a mapping, null removes a key, anything
// else replaces — except that a list of clause-bearing entries (the rules) merges entry by entry,
// matched by clause: an entry with a new clause is added, one with a known clause is merged into
// it, and `removed: true` takes it out.

type Json = unknown;

export function mergeEdition(base: Json, patch: Json): Json {
  if (isClauseList(patch) && Array.isArray(base)) return mergeByClause(base, patch);
  if (!isRecord(patch) || !isRecord(base)) return patch;
  const merged: Record<string, Json> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete merged[key];
    else merged[key] = key in base ? mergeEdition(base[key], value) : value;
  }
  return merged;
}

function mergeByClause(base: readonly Json[], patch: ReadonlyArray<Record<string, Json>>): Json[] {
  const merged = [...base];
  for (const entry of patch) {
    const at = merged.findIndex((candidate) => isRecord(candidate) && candidate['clause'] === entry['clause']);
    if (entry['removed'] === true) {
      if (at >= 0) merged.splice(at, 1);
    } else if (at >= 0) merged[at] = mergeEdition(merged[at], entry);
    else merged.push(entry);
  }
  return merged;
}

/** The path in `side` (the base or the patch) of what stands at `path` in the merged value, or undefined if `side` has nothing there. */
export function pathIn(side: Json, merged: Json, path: readonly string[]): string[] | undefined {
  const found: string[] = [];
  let inSide = side;
  let inMerged = merged;
  for (const segment of path) {
    if (Array.isArray(inSide) && Array.isArray(inMerged)) {
      const entry: Json = inMerged[Number(segment)];
      const clause = isRecord(entry) ? entry['clause'] : undefined;
      const index = typeof clause === 'string' ? inSide.findIndex((candidate) => isRecord(candidate) && candidate['clause'] === clause) : Number(segment);
      if (index < 0 || index >= inSide.length) return undefined;
      found.push(String(index));
      inSide = inSide[index];
      inMerged = entry;
    } else if (isRecord(inSide) && isRecord(inMerged) && segment in inSide) {
      found.push(segment);
      inSide = inSide[segment];
      inMerged = inMerged[segment];
    } else return undefined;
  }
  return found;
}

function isClauseList(value: Json): value is Array<Record<string, Json>> {
  return Array.isArray(value) && value.length > 0 && value.every((entry) => isRecord(entry) && typeof entry['clause'] === 'string');
}

export function isRecord(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
