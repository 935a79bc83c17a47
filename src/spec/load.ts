import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { checkConsistency } from './consistency.ts';
import { checkAgainstSchema } from './schema-check.ts';
import { SpecError } from './spec-error.ts';
import type { Spec } from './types.ts';
import { parseYaml } from './yaml-source.ts';

export const specsDirectory = fileURLToPath(new URL('../../specs/', import.meta.url));
const editionFile = /^create-event-source-mapping\.([a-z][a-z0-9-]*)\.yaml$/;

export function availableEditions(): string[] {
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
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new SpecError([{ file: shown, line: 0, column: 0, message: `cannot read the file (${reason})`, fix: 'check the path and its permissions' }]);
  }
  return parseSpec(shown, text);
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
