// Reads the text of an expectations file into entries, or says what is wrong with it: every
// problem at its line and column, with what to write instead, all at once, before any case is sent.
import { isJsonObject } from '../json-object.ts';
import { closestWord } from '../did-you-mean.ts';
import type { DeviationForm } from '../results.ts';
import { excerpt } from '../user-file/excerpt.ts';
import { UserFileError, type FileProblem } from '../user-file/file-problem.ts';
import { parseYaml, type YamlSource } from '../user-file/yaml-source.ts';
import { isGlob, MAX_PATTERN_LENGTH, MAX_PATTERN_WILDCARDS } from './case-pattern.ts';
import { boundedErrorType, describeForm, MAX_ERROR_TYPE_LENGTH, sameForm } from './deviation-form.ts';
import { EXPECTED_OUTCOMES, MAX_FORMS, MAX_MADE_WITH_LENGTH, MAX_REASON_LENGTH, MAX_SEED, type ExpectedOutcome, type Expectation, type Expectations, type MadeWith } from './expectations.ts';

export class ExpectationsFileError extends UserFileError {
  override readonly name = 'ExpectationsFileError';

  constructor(problems: readonly FileProblem[]) {
    super('The expectations file', problems);
  }
}

const ENTRY_KEYS = ['case', 'outcome', 'form', 'reason', 'link'];
const ENTRY_EXAMPLE = '`- case: BatchSize/sqs/0`, `outcome: fail`, `form: { status: 201, errorType: null }`, `reason: …`';
const FILE_KEYS = ['seed', 'edition', 'version', 'expectations'];

type Report = (path: readonly string[], message: string, fix: string, key?: string) => void;

/** The entries of an expectations file's text; `file` only names it. Throws ExpectationsFileError. */
export function parseExpectations(text: string, file: string): Expectations {
  const parsed = parseYaml(file, text);
  if (parsed.source === null) throw new ExpectationsFileError(parsed.problems);
  const { source } = parsed;
  const problems: FileProblem[] = [];
  const report: Report = (path, message, fix, key) => problems.push({ file, ...source.locate(path, key), message, fix });

  const root = source.value;
  if (!isJsonObject(root)) {
    report([], 'the file must be a mapping with the key `expectations`, holding a list of entries', `write \`expectations:\` and under it one entry per case: ${ENTRY_EXAMPLE}`);
    throw new ExpectationsFileError(problems);
  }
  for (const key of Object.keys(root)) {
    if (!FILE_KEYS.includes(key)) report([], `unknown key ${excerpt(key)}`, 'the file has `seed`, `edition` and `version` (what it was made with) and `expectations`: move the entries under `expectations`', key);
  }
  const madeWith = readMadeWith(root, report);
  const list = root['expectations'];
  const entries: Expectation[] = [];
  if (list !== null && list !== undefined && !Array.isArray(list)) {
    report(['expectations'], '`expectations` must be a list of entries', `start each entry with \`- \`: ${ENTRY_EXAMPLE}`);
  } else if (!('expectations' in root)) {
    report([], 'the key `expectations` is missing', `write \`expectations:\` and under it one entry per case (\`expectations: []\` for none): ${ENTRY_EXAMPLE}`);
  } else {
    const exact = new Map<string, number>();
    for (const [index, value] of (list ?? []).entries()) {
      const entry = readEntry(value, ['expectations', String(index)], source, report);
      if (entry === undefined) continue;
      const earlier = isGlob(entry.pattern) ? undefined : exact.get(entry.pattern);
      if (earlier !== undefined) report(['expectations', String(index), 'case'], `case ${excerpt(entry.pattern)} is already listed on line ${earlier}`, 'keep one entry per case');
      else if (!isGlob(entry.pattern)) exact.set(entry.pattern, entry.line);
      entries.push(entry);
    }
  }
  if (problems.length > 0) throw new ExpectationsFileError(problems);
  return { file, text, madeWith, entries };
}

const MADE_WITH_FIX = `--update-expectations writes them: \`seed: 1\` (a whole number from 0 to ${MAX_SEED}), \`edition: seed\`, \`version: "0.1.0"\`; or leave the key out`;

function readMadeWith(root: Record<string, unknown>, report: Report): MadeWith {
  const { seed, edition, version } = root;
  const isName = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '' && value.length <= MAX_MADE_WITH_LENGTH;
  if (seed !== undefined && seed !== null && !(Number.isInteger(seed) && (seed as number) >= 0 && (seed as number) <= MAX_SEED)) {
    report(['seed'], `\`seed\` is ${excerpt(String(seed))}: it must be a whole number from 0 to ${MAX_SEED}`, MADE_WITH_FIX);
  }
  for (const [key, value] of Object.entries({ edition, version })) {
    if (value !== undefined && value !== null && !isName(value)) report([key], `\`${key}\` must be a text of 1 to ${MAX_MADE_WITH_LENGTH} characters, not ${excerpt(String(value))}`, MADE_WITH_FIX);
  }
  return { seed: typeof seed === 'number' ? seed : null, edition: isName(edition) ? edition : null, version: isName(version) ? version : null };
}

function readEntry(value: unknown, path: readonly string[], source: YamlSource, report: Report): Expectation | undefined {
  if (!isJsonObject(value)) {
    report(path, 'an entry must be a mapping', `write the entry's keys indented under its \`- \`: ${ENTRY_EXAMPLE}`);
    return undefined;
  }
  for (const key of Object.keys(value)) {
    if (!ENTRY_KEYS.includes(key)) report(path, `unknown key ${excerpt(key)} in an entry`, `an entry has ${ENTRY_KEYS.map((name) => `\`${name}\``).join(', ')} (link optional)`, key);
  }
  const at = (key: string): string[] => [...path, key];
  const pattern = requiredText(value, 'case', path, report, 'write the case id as `lambda-esm-conformance list` shows it, or a glob such as `BatchSize/*/0` (`*` within a segment, `**` across)');
  if (pattern !== undefined) checkPattern(pattern, at('case'), report);
  const outcome = readOutcome(value['outcome'], at('outcome'), report);
  const forms = readForms(value['form'], at('form'), report);
  const reason = requiredText(value, 'reason', path, report, 'say why the target deviates, e.g. `reason: "answers 201 where the documentation says 202"`');
  if (reason !== undefined && reason.length > MAX_REASON_LENGTH) report(at('reason'), `\`reason\` is ${reason.length} characters long, more than ${MAX_REASON_LENGTH}`, 'say why in a few sentences, and link the issue for the rest (`link:`)');
  const link = readLink(value['link'], at('link'), report);
  if (pattern === undefined || outcome === undefined || forms === undefined || reason === undefined || link === undefined || reason.length > MAX_REASON_LENGTH) return undefined;
  return { pattern, outcome, forms, reason, link, line: source.locate(path).line };
}

function checkPattern(pattern: string, path: readonly string[], report: Report): void {
  if (/\s/.test(pattern)) report(path, `case ${excerpt(pattern)} contains white space, which no case id does`, 'write the id as `lambda-esm-conformance list` shows it');
  if (pattern.length > MAX_PATTERN_LENGTH) report(path, `case ${excerpt(pattern)} is longer than ${MAX_PATTERN_LENGTH} characters, which no case id is`, 'write the id as `lambda-esm-conformance list` shows it, or a shorter glob (`**` stands for any run of characters)');
  const wildcards = [...pattern].filter((character) => character === '*').length;
  if (wildcards > MAX_PATTERN_WILDCARDS) report(path, `case ${excerpt(pattern)} holds ${wildcards} \`*\`, more than the ${MAX_PATTERN_WILDCARDS} a glob may`, 'write a glob with fewer wildcards: `*` matches any run within a segment, `**` any run at all, so one of each place is enough');
}

function requiredText(entry: Record<string, unknown>, key: string, path: readonly string[], report: Report, fix: string): string | undefined {
  const value = entry[key];
  if (!(key in entry)) report(path, `the entry has no \`${key}\``, fix);
  else if (typeof value !== 'string' || value.trim() === '') report([...path, key], `\`${key}\` must be a non-empty text`, fix);
  else return value.trim();
  return undefined;
}

function readOutcome(value: unknown, path: readonly string[], report: Report): ExpectedOutcome | undefined {
  if (typeof value === 'string' && (EXPECTED_OUTCOMES as readonly string[]).includes(value)) return value as ExpectedOutcome;
  const given = value === undefined ? 'missing' : `${excerpt(String(value))}`;
  const near = typeof value === 'string' ? closestWord(value, EXPECTED_OUTCOMES) : null;
  report(path, `\`outcome\` is ${given}: it must be fail, error or skip${near === null ? '' : `; did you mean ${near}?`}`, 'write `outcome: fail` (the answer does not conform), `error` (the case could not be judged) or `skip`');
  return undefined;
}

const FORM_FIX = 'write the status and error type the target answered, null for none: `form: { status: 201, errorType: null }`; several answers as a list, one `- { status: …, errorType: … }` a line';

/** `form:` one form, or a list of the forms a case may take. */
function readForms(value: unknown, path: readonly string[], report: Report): DeviationForm[] | undefined {
  if (!Array.isArray(value)) {
    const form = readForm(value, path, report);
    return form === undefined ? undefined : [form];
  }
  if (value.length === 0 || value.length > MAX_FORMS) {
    report(path, `\`form\` lists ${value.length} forms: it must list 1 to ${MAX_FORMS}`, FORM_FIX);
    return undefined;
  }
  const forms: DeviationForm[] = [];
  for (const [index, item] of value.entries()) {
    const form = readForm(item, [...path, String(index)], report);
    if (form === undefined) continue;
    if (forms.some((listed) => sameForm(listed, form))) report([...path, String(index)], `\`form\` lists ${describeForm(form)} twice`, 'list each form once');
    else forms.push(form);
  }
  return forms.length === value.length ? forms : undefined;
}

function readForm(value: unknown, path: readonly string[], report: Report): DeviationForm | undefined {
  if (!isJsonObject(value)) {
    report(path, value === undefined ? 'the entry has no `form`' : '`form` must be a mapping of `status` and `errorType`, or a list of them', FORM_FIX);
    return undefined;
  }
  let broken = false;
  for (const key of Object.keys(value)) {
    if (key !== 'status' && key !== 'errorType') {
      report(path, `unknown key ${excerpt(key)} in \`form\``, FORM_FIX, key);
      broken = true;
    }
  }
  const status = value['status'];
  if (!('status' in value) || !(status === null || (Number.isInteger(status) && (status as number) >= 100 && (status as number) <= 599))) {
    report('status' in value ? [...path, 'status'] : path, '`form.status` must be an HTTP status (100 to 599), or null when there was no answer', FORM_FIX);
    broken = true;
  }
  const errorType = value['errorType'];
  if (!('errorType' in value) || !(errorType === null || (typeof errorType === 'string' && errorType !== '' && boundedErrorType(errorType) === errorType))) {
    report('errorType' in value ? [...path, 'errorType'] : path, `\`form.errorType\` must be an error type of 1 to ${MAX_ERROR_TYPE_LENGTH} characters such as InvalidParameterValueException, or null when the answer named none`, FORM_FIX);
    broken = true;
  }
  return broken ? undefined : { status: status as number | null, errorType: errorType as string | null };
}

function readLink(value: unknown, path: readonly string[], report: Report): string | null | undefined {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' && /^https?:\/\/\S+$/.test(value.trim())) return value.trim();
  report(path, `\`link\` must be an http(s) URL, not ${excerpt(String(value))}`, 'link the issue or discussion of the deviation, e.g. `link: https://github.com/getmoto/moto/issues/1`, or leave `link` out');
  return undefined;
}
