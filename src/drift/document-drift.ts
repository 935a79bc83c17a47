// The documentation changed since an edition's document was extracted: the model's API reference
// (src/model/api-reference.ts, which the extraction writes) against the document's text above the
// recorded answers, entry by entry. An entry is a line that starts a section's block (a member, a
// nested shape, an error) with the indented lines under it.
import { RECORDED_HEADING, referenceSections } from '../model/api-reference.ts';
import type { ServiceModel } from '../model/service-model.ts';
import { citationsOf } from '../spec/citations.ts';
import type { Spec } from '../spec/types.ts';
import type { Drift } from './drift.ts';

export interface EditionDocument {
  /** As a maintainer opens it: specs/documents/…-current.txt. */
  readonly file: string;
  readonly text: string;
}

/** The script that writes the document, as the maintainer runs it. */
export const EXTRACT_COMMAND = 'npx tsx scripts/extract-current-documentation.ts';
const SECTION = /^== (.+?)(?: \(source A\))? ==$/;
/** A block's name: its first word when that names a member, a shape or an error; otherwise its place in the section. */
const BLOCK_NAME = /^([A-Z][A-Za-z0-9]*)(?=$|: | \()/;
const EXCERPT_SPAN = 40;

/** Whether a document was extracted from a model (and so can be compared with one). */
export function isExtractedDocument(text: string): boolean {
  return text.includes('\n== Request members (source A) ==\n');
}

export function documentDrift(spec: Spec, model: ServiceModel, document: EditionDocument): Drift[] {
  const stored = referenceBlocks(document.text.split(RECORDED_HEADING)[0] ?? '');
  const current = referenceBlocks(referenceSections(model).join('\n'));
  const quoting = (lines: readonly string[], instead: readonly string[]): string[] => {
    const was = lines.join(' ');
    const now = instead.join(' ');
    return citationsOf(spec).filter(({ doc }) => was.includes(doc) && !now.includes(doc)).map(({ clause }) => clause);
  };
  const drift = (where: string, says: string, clauses: readonly string[], model: string | null, edition: string | null): Drift => ({
    kind: 'documentation',
    where: `document ${where}`,
    model,
    edition,
    says,
    todo: `re-extract ${document.file} (${EXTRACT_COMMAND})${clauses.length === 0 ? '' : `, then check the clauses that quote what changed: ${[...new Set(clauses)].join(', ')}`}`,
  });
  const drifts: Drift[] = [];
  for (const [where, lines] of current) {
    const before = stored.get(where);
    if (before === undefined) drifts.push(drift(where, 'the model documents it, the document does not have it', [], lines.join('\n'), null));
    else if (before.join('\n') !== lines.join('\n')) drifts.push(drift(where, `changed since the document was extracted: ${changeExcerpt(before, lines)}`, quoting(before, lines), lines.join('\n'), before.join('\n')));
  }
  for (const [where, lines] of stored) {
    if (!current.has(where)) drifts.push(drift(where, 'the document has it, the model no longer does', quoting(lines, []), null, lines.join('\n')));
  }
  return drifts;
}

/** Each block of the sections, by `Section › Name`, with its lines; the text before the first section (the header) is not a block. */
export function referenceBlocks(text: string): Map<string, string[]> {
  const blocks = new Map<string, string[]>();
  let section: string | null = null;
  let ordinal = 0;
  let block: string[] | null = null;
  for (const line of text.split('\n')) {
    const heading = SECTION.exec(line);
    if (heading !== null) {
      section = heading[1] ?? '';
      ordinal = 0;
      block = null;
    } else if (section === null || line === '') {
      continue;
    } else if (line.startsWith(' ') && block !== null) {
      block.push(line);
    } else {
      ordinal += 1;
      block = [line];
      blocks.set(`${section} › ${BLOCK_NAME.exec(line)?.[1] ?? `line ${ordinal}`}`, block);
    }
  }
  return blocks;
}

/** The first line that differs, both ways, cut to the words around where they part. */
function changeExcerpt(before: readonly string[], after: readonly string[]): string {
  const at = before.findIndex((line, index) => line !== after[index]);
  const index = at === -1 ? before.length : at;
  const was = before[index] ?? '';
  const now = after[index] ?? '';
  let common = 0;
  while (common < was.length && was[common] === now[common]) common += 1;
  const cut = (line: string): string => {
    const from = Math.max(0, common - EXCERPT_SPAN);
    // From the start of a word, so that the excerpt reads.
    const start = from === 0 ? 0 : line.indexOf(' ', from) + 1 || from;
    const piece = line.slice(start, common + EXCERPT_SPAN).trim();
    return `"${start > 0 ? '…' : ''}${piece}${common + EXCERPT_SPAN < line.length ? '…' : ''}"`;
  };
  return `${cut(was)} is now ${cut(now)}`;
}
