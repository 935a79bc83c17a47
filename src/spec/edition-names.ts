// The editions in specs/, by name: light enough for the flag tables, which refuse an unknown
// --edition before any spec is parsed.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { closestWord } from '../did-you-mean.ts';

export const specsDirectory = fileURLToPath(new URL('../../specs/', import.meta.url));
export const editionName = /^[a-z][a-z0-9-]*$/;
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

/** The refusal of an --edition that names no edition in specs/, with the closest one; null for one that does. */
export function editionProblem(edition: string): string | null {
  const editions = availableEditions();
  if (editions.includes(edition)) return null;
  const near = closestWord(edition, editions);
  const named = editionName.test(edition) ? `there is no edition "${edition}"` : `the edition "${edition}" is not a name (lowercase letters, digits and hyphens)`;
  return `--edition: ${named}${near === null ? '.' : `; did you mean ${near}?`} Choose one of: ${editions.join(', ')} (specs/create-event-source-mapping.NAME.yaml).`;
}
