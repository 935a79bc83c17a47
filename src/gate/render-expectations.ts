// The text --update-expectations writes: the file it read, with what the run was made with set at
// its top and its entries replaced, through the YAML Document API, so that comments (the file's
// header, a note above an entry) and the layout of entries that did not change survive; a new file
// starts from the header below.
import { isMap, isScalar, isSeq, parseDocument, Scalar, type Document, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import type { DeviationForm } from '../results.ts';
import { sameForm } from './deviation-form.ts';
import type { MadeWith } from './expectations.ts';
import type { ExpectationEntry } from './update-expectations.ts';

const HEADER = `# Known deviations of a target, for \`lambda-esm-conformance run --expectations FILE\`: the run
# fails only on a regression (a failing case not listed here, or one that fails otherwise than
# listed) or an unexpected pass (a listed case that passes).
# Written by \`run --update-expectations FILE\`, which keeps the reason and link of every entry that
# still applies: edit them, they survive the next update, as do comments.
# An entry: \`case\` (an id, or a glob: \`*\` within a segment, \`**\` across), \`outcome\` (fail,
# error or skip), \`form\` (the status and error type observed, null for none; a list of them when
# the case answers in several ways, as a property case may), \`reason\`, \`link\` (optional).
`;

const MADE_WITH_COMMENT = ` seed, edition, version: what this file was made with. A run given this file and no --seed draws
 its property values from this seed, so the same target gets the same verdict every time (--seed N
 draws others, to explore); a run of another edition refuses the file; version is this tool's.`;

export type RecordedMadeWith = { readonly [Key in keyof MadeWith]: NonNullable<MadeWith[Key]> };

/** The file's text: `previousText` (the file read, already valid) updated, or a new file when null. */
export function renderExpectations(entries: readonly ExpectationEntry[], madeWith: RecordedMadeWith, previousText: string | null): string {
  const document = parseDocument(previousText ?? `${HEADER}expectations: []\n`);
  const root = document.contents as YAMLMap;
  setMadeWith(document, root, madeWith);
  const list = root.get('expectations', true);
  const previousNodes = isSeq(list) ? (list.items as YAMLMap[]) : [];
  const nodes = entries.map((entry) => {
    const index = previousNodes.findIndex((node) => node.get('case') === entry.pattern);
    const [node] = index === -1 ? [document.createNode({})] : previousNodes.splice(index, 1);
    return writeEntry(document, node as YAMLMap, entry);
  });
  const sequence: YAMLSeq = isSeq(list) ? list : document.createNode([]);
  sequence.items = nodes;
  sequence.flow = nodes.length === 0;
  root.set('expectations', sequence);
  return document.toString({ lineWidth: 0 });
}

function setMadeWith(document: Document, root: YAMLMap, madeWith: RecordedMadeWith): void {
  const keys = Object.keys(madeWith) as (keyof RecordedMadeWith)[];
  const missing = keys.filter((key) => !root.has(key));
  for (const key of keys) if (root.has(key) && root.get(key) !== madeWith[key]) root.set(key, madeWith[key]);
  if (missing.length === 0) return;
  const at = Math.max(0, root.items.findIndex((pair) => isScalar(pair.key) && pair.key.value === 'expectations'));
  const added = missing.map((key) => document.createPair(key, madeWith[key]) as Pair<Scalar>);
  const [first] = added;
  const below = root.items[at]?.key;
  if (first !== undefined && missing.length === keys.length) {
    // The comment above the list (a new file's header) stays at the top, above the keys that now come first.
    const header = isScalar(below) ? below.commentBefore : undefined;
    if (isScalar(below)) below.commentBefore = undefined;
    first.key.commentBefore = header === undefined || header === null ? MADE_WITH_COMMENT : `${header}\n${MADE_WITH_COMMENT}`;
  }
  root.items.splice(at, 0, ...added);
}

function writeEntry(document: Document, node: YAMLMap, entry: ExpectationEntry): YAMLMap {
  if (node.get('case') !== entry.pattern) node.set('case', entry.pattern);
  if (node.get('outcome') !== entry.outcome) node.set('outcome', entry.outcome);
  if (!node.has('form') || !sameForms(formsOf(node.get('form', true)), entry.forms)) node.set('form', formNode(document, entry.forms));
  if (node.get('reason') !== entry.reason) node.set('reason', quoted(entry.reason));
  if (entry.link === null) node.delete('link');
  else if (node.get('link') !== entry.link) node.set('link', quoted(entry.link));
  return node;
}

/** One form as `{ status: 201, errorType: null }`; several as a list of those, one a line. */
function formNode(document: Document, forms: readonly DeviationForm[]): Node {
  const flowMap = (form: DeviationForm): Node => {
    const node = document.createNode({ status: form.status, errorType: form.errorType }) as YAMLMap;
    node.flow = true;
    return node;
  };
  const [only] = forms;
  if (forms.length === 1 && only !== undefined) return flowMap(only);
  const list = document.createNode([]) as YAMLSeq;
  list.items = forms.map(flowMap);
  return list;
}

function quoted(text: string): Scalar {
  const scalar = new Scalar(text);
  scalar.type = Scalar.QUOTE_DOUBLE;
  return scalar;
}

// The forms an entry's node lists, as parse-expectations read them (the file was valid).
function formsOf(node: unknown): DeviationForm[] {
  const formOfNode = (item: unknown): DeviationForm => {
    const value = isMap(item) ? item : null;
    return { status: (value?.get('status') as number | null | undefined) ?? null, errorType: (value?.get('errorType') as string | null | undefined) ?? null };
  };
  return isSeq(node) ? node.items.map(formOfNode) : [formOfNode(node)];
}

function sameForms(a: readonly DeviationForm[], b: readonly DeviationForm[]): boolean {
  return a.length === b.length && a.every((form, index) => sameForm(form, b[index] as DeviationForm));
}
