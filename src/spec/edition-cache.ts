// Loading an edition parses its YAML with every value's position (for file:line:column problems)
// and validates it against specs/spec.schema.json with ajv: about 0.3 s of CPU before a run's
// first request, for text that seldom changes. An edition loaded once is kept, as the Spec it gave,
// under a key that changes whenever any file it could depend on does: every file in specs/ (the
// editions it extends, the schema) and every source of the loader itself. A key that matches
// proves the same inputs went through the same checks, so the checks are not run again.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Spec } from './types.ts';

const specsDirectory = fileURLToPath(new URL('../../specs/', import.meta.url));
const loaderDirectory = fileURLToPath(new URL('./', import.meta.url));
const cacheDirectory = fileURLToPath(new URL('../../node_modules/.cache/lambda-esm-conformance/editions/', import.meta.url));

/** The edition as `load` gives it, from the cache when nothing it depends on has changed since. */
export function cachedEdition(edition: string, load: () => Spec): Spec {
  const file = path.join(cacheDirectory, `${edition}-${inputsKey([specsDirectory, loaderDirectory])}.json`);
  const kept = readKept(file);
  if (kept !== null) return kept;
  const spec = load();
  keep(file, spec);
  return spec;
}

/** A digest of every spec, schema and source file in `directories`: their names and contents. */
export function inputsKey(directories: readonly string[]): string {
  const hash = createHash('sha256');
  for (const directory of directories) {
    for (const name of readdirSync(directory).sort()) {
      if (!/\.(ya?ml|json|ts)$/.test(name)) continue;
      hash.update(`${path.join(directory, name)}\0`).update(readFileSync(path.join(directory, name))).update('\0');
    }
  }
  return hash.digest('hex').slice(0, 32);
}

function readKept(file: string): Spec | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Spec;
  } catch {
    // Not kept yet, or unreadable: load it.
    return null;
  }
}

/** Written whole or not at all (a rename), so that a run started meanwhile never reads half of one. */
function keep(file: string, spec: Spec): void {
  try {
    mkdirSync(cacheDirectory, { recursive: true });
    const partial = `${file}.${process.pid}.partial`;
    writeFileSync(partial, JSON.stringify(spec));
    renameSync(partial, file);
  } catch {
    // A read-only install: every start loads the edition, as before.
  }
}
