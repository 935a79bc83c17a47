import { existsSync } from 'node:fs';
import path from 'node:path';
import { checkConsistency } from './consistency.ts';
import { cachedEdition } from './edition-cache.ts';
import { checkAgainstSchema } from './schema-check.ts';
import { SpecError } from './spec-error.ts';
import type { Spec } from './types.ts';
import { readUserFile } from '../user-file/read-user-file.ts';
import { excerpt } from '../user-file/excerpt.ts';
import { parseYaml, type YamlSource } from '../user-file/yaml-source.ts';
import { isRecord, mergeEdition, pathIn } from './merge.ts';
import { availableEditions, editionName, editionPath, specsDirectory } from './edition-names.ts';

/** A spec is a hand-written page or two; anything larger is not one. */
const MAX_SPEC_BYTES = 1024 * 1024;

export { editionPath };

/** Loads an edition by name ("seed", …); throws SpecError, never a raw parse or I/O error. */
export function loadEdition(edition: string): Spec {
  // An edition is a name, never a path: it must not reach files outside specs/.
  if (!editionName.test(edition)) {
    throw new SpecError([
      {
        file: path.relative(process.cwd(), specsDirectory) || '.',
        line: 0,
        column: 0,
        message: `the edition ${excerpt(edition)} is not a name (lowercase letters, digits and hyphens)`,
        fix: `choose one of: ${availableEditions().join(', ')}`,
      },
    ]);
  }
  const file = editionPath(edition);
  if (!existsSync(file)) {
    throw new SpecError([
      {
        file: path.relative(process.cwd(), file),
        line: 0,
        column: 0,
        message: `there is no edition "${edition}"`,
        fix: `choose one of: ${availableEditions().join(', ')}`,
      },
    ]);
  }
  return cachedEdition(edition, () => loadSpecFile(file));
}

export function loadSpecFile(file: string): Spec {
  return parseSpec(shownPath(file), readSpecText(file));
}

/** Parses and validates spec text; `file` is only used to locate problems. An `extends:` edition is read from specs/. */
export function parseSpec(file: string, text: string): Spec {
  const source = editionSource(file, text, []);
  const schemaProblems = checkAgainstSchema(source);
  if (schemaProblems.length > 0) throw new SpecError(schemaProblems);
  const spec = source.value as Spec;
  const consistencyProblems = checkConsistency(source, spec);
  if (consistencyProblems.length > 0) throw new SpecError(consistencyProblems);
  return spec;
}

/** The parsed file, or, for one that extends another edition, that edition with its changes merged in. */
function editionSource(file: string, text: string, chain: readonly string[]): YamlSource {
  const parsed = parseYaml(file, text);
  if (parsed.source === null) throw new SpecError(parsed.problems);
  const patch = parsed.source;
  const value = patch.value;
  if (!isRecord(value) || !('extends' in value)) return patch;
  const base = value['extends'];
  const refuse = (message: string, fix: string) => new SpecError([{ file, ...patch.locate(['extends']), message, fix }]);
  if (typeof base !== 'string' || !editionName.test(base)) throw refuse(`extends names no edition: ${excerpt(String(base))}`, `name one of: ${availableEditions().join(', ')}`);
  const own = typeof value['edition'] === 'string' ? [value['edition']] : [];
  if ([...chain, ...own].includes(base)) throw refuse(`the edition ${base} extends itself (${[...chain, ...own, base].join(' → ')})`, 'extend an edition that does not extend this one');
  if (!existsSync(editionPath(base))) throw refuse(`there is no edition "${base}" to extend`, `name one of: ${availableEditions().join(', ')}`);
  const baseSource = editionSource(shownPath(editionPath(base)), readSpecText(editionPath(base)), [...chain, ...own]);
  const { extends: _named, ...changes } = value;
  const merged = mergeEdition(baseSource.value, changes);
  return {
    file,
    value: merged,
    locate: (path, key) => {
      const inPatch = pathIn(changes, merged, path);
      if (inPatch !== undefined) return patch.locate(inPatch, key);
      const inBase = pathIn(baseSource.value, merged, path);
      return inBase === undefined ? patch.locate([]) : { file: baseSource.file, ...baseSource.locate(inBase, key) };
    },
  };
}

function readSpecText(file: string): string {
  const read = readUserFile(file, { maxBytes: MAX_SPEC_BYTES, expected: 'a spec file such as specs/create-event-source-mapping.seed.yaml' });
  if (read.problem !== null) throw new SpecError([{ ...read.problem, file: shownPath(file) }]);
  return read.text;
}

function shownPath(file: string): string {
  return path.relative(process.cwd(), file) || file;
}
