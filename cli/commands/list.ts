import type { Case, ResponseCheck } from '../../src/cases/case.ts';
import { describeExpectation } from '../../src/cases/describe-expectation.ts';
import { loadEdition } from '../../src/spec/load.ts';
import { selectCases } from '../../src/cases/select.ts';
import { editionDiff } from '../../src/cases/edition-diff.ts';
import { processIo, type CommandIo } from '../io.ts';
import { parseFlags, resolveFlags, UsageError } from './flags.ts';
import { LIST_FLAGS } from './flag-tables.ts';
import { editionDiffText } from './edition-diff-text.ts';
import { randomSeed } from './run-settings.ts';
import { drawnValues, isPropertyCase } from '../../src/cases/properties/sampling.ts';
import type { Spec } from '../../src/spec/types.ts';
import { editionCases } from '../../src/cases/edition-cases.ts';

export async function list(argv: string[], io: CommandIo = processIo): Promise<number> {
  const { editions, rest } = editionDiffArguments(argv);
  const { values: flags } = resolveFlags(LIST_FLAGS, parseFlags('list', rest, LIST_FLAGS), process.env);
  const properties = { runs: flags['property-runs'], seed: flags.seed ?? randomSeed() };
  const casesOf = (spec: Spec): Case[] => selectCases(editionCases(spec, properties), flags.grep);
  if (editions !== null) {
    const [first, second] = editions.map((edition) => casesOf(loadEdition(edition))) as [Case[], Case[]];
    const differences = editionDiff(first, second);
    io.stdout(flags.json ? `${JSON.stringify(differences, null, 2)}\n` : editionDiffText(differences, editions));
    return 0;
  }
  const spec = loadEdition(flags.edition);
  const cases = casesOf(spec);
  io.stdout(flags.json ? `${JSON.stringify(cases.map((testCase) => listing(spec, testCase)), null, 2)}\n` : table(cases, properties.seed));
  return 0;
}

// `--edition-diff A B` takes two values, which parseArgs cannot express.
function editionDiffArguments(argv: readonly string[]): { editions: readonly [string, string] | null; rest: string[] } {
  const at = argv.indexOf('--edition-diff');
  if (at === -1) return { editions: null, rest: [...argv] };
  const [first, second] = argv.slice(at + 1, at + 3);
  if (first === undefined || second === undefined || first.startsWith('-') || second.startsWith('-')) {
    throw new UsageError('list --edition-diff takes two editions, such as "list --edition-diff seed current".');
  }
  if (argv.includes('--edition')) throw new UsageError('list: --edition-diff names both editions; leave out --edition.');
  return { editions: [first, second], rest: [...argv.slice(0, at), ...argv.slice(at + 3)] };
}

/** The JSON form of a case; the response schema is named, not repeated in every case; a property case shows the values it draws first. */
function listing(spec: Spec, testCase: Case) {
  return {
    ...testCase,
    expected: { ...testCase.expected, checks: testCase.expected.checks.map(checkSummary) },
    ...(isPropertyCase(testCase) && { property: { ...testCase.property, drawn: drawnValues(spec, testCase) } }),
  };
}

function checkSummary(check: ResponseCheck) {
  if (check.kind !== 'response_schema_conformance') return check;
  const { schema: _schema, fieldClauses: _fieldClauses, ...rest } = check;
  return rest;
}

function table(cases: readonly Case[], seed: number): string {
  const rows = cases.map((testCase) => [testCase.id, testCase.sourceType ?? '-', describeExpectation(testCase.expected), testCase.clause]);
  const header = ['CASE', 'SOURCE', 'EXPECTED', 'CLAUSE'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)));
  const format = (row: readonly string[]) => row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column] ?? 0))).join('  ');
  const properties = cases.filter(isPropertyCase);
  const drawing = properties.length === 0 ? '' : `seed ${seed}: the ${properties.length} property cases draw ${properties[0]?.property.runs ?? 0} values each (list --json shows them)\n`;
  return `${[header, ...rows].map(format).join('\n')}\n\n${drawing}${cases.length} cases\n`;
}
