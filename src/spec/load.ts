import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { checkConsistency } from './consistency.ts';
import { checkAgainstSchema } from './schema-check.ts';
import { SpecError } from './spec-error.ts';
import type { Spec } from './types.ts';
import { readUserFile } from '../user-file/read-user-file.ts';
import { excerpt } from '../user-file/excerpt.ts';
import { parseYaml } from '../user-file/yaml-source.ts';

const specsDirectory = fileURLToPath(new URL('../../specs/', import.meta.url));
const editionName = /^[a-z][a-z0-9-]*$/;
const editionFile = /^create-event-source-mapping\.([a-z][a-z0-9-]*)\.yaml$/;
/** A spec is a hand-written page or two; anything larger is not one. */
const MAX_SPEC_BYTES = 1024 * 1024;

function availableEditions(): string[] {
  return readdirSync(specsDirectory)
    .map((name) => editionFile.exec(name)?.[1])
    .filter((edition): edition is string => edition !== undefined)
    .sort();
}

export function editionPath(edition: string): string {
  return path.join(specsDirectory, `create-event-source-mapping.${edition}.yaml`);
}

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
  return loadSpecFile(file);
}

export function loadSpecFile(file: string): Spec {
  const shown = path.relative(process.cwd(), file) || file;
  const read = readUserFile(file, { maxBytes: MAX_SPEC_BYTES, expected: 'a spec file such as specs/create-event-source-mapping.seed.yaml' });
  if (read.problem !== null) throw new SpecError([{ ...read.problem, file: shown }]);
  return parseSpec(shown, read.text);
}

/** Parses and validates spec text; `file` is only used to locate problems. */
export function parseSpec(file: string, text: string): Spec {
  const parsed = parseYaml(file, text);
  if (parsed.source === null) throw new SpecError(parsed.problems);
  const schemaProblems = checkAgainstSchema(parsed.source);
  if (schemaProblems.length > 0) throw new SpecError(schemaProblems);
  const spec = parsed.source.value as Spec;
  const consistencyProblems = checkConsistency(parsed.source, spec);
  if (consistencyProblems.length > 0) throw new SpecError(consistencyProblems);
  return spec;
}
