import { generateCases } from '../../src/cases/generate.ts';
import type { Case, ResponseCheck } from '../../src/cases/case.ts';
import { describeExpectation } from '../../src/cases/describe-expectation.ts';
import { loadEdition } from '../../src/spec/load.ts';
import { selectCases } from '../../src/cases/select.ts';
import { processIo, type CommandIo } from '../io.ts';
import { checkGrep, parseFlags } from './flags.ts';

export async function list(argv: string[], io: CommandIo = processIo): Promise<number> {
  const flags = parseFlags('list', argv, {
    edition: { type: 'string', default: 'seed' },
    json: { type: 'boolean', default: false },
    grep: { type: 'string' },
  });
  const cases = selectCases(generateCases(loadEdition(flags.edition)), checkGrep(flags.grep));
  io.stdout(flags.json ? `${JSON.stringify(cases.map(listing), null, 2)}\n` : table(cases));
  return 0;
}

/** The JSON form of a case; the response schema is named, not repeated in every case. */
function listing(testCase: Case) {
  return {
    ...testCase,
    expected: { ...testCase.expected, checks: testCase.expected.checks.map(checkSummary) },
  };
}

function checkSummary(check: ResponseCheck) {
  if (check.kind !== 'response_schema_conformance') return check;
  const { schema: _schema, fieldClauses: _fieldClauses, ...rest } = check;
  return rest;
}

function table(cases: readonly Case[]): string {
  const rows = cases.map((testCase) => [testCase.id, testCase.sourceType ?? '-', describeExpectation(testCase.expected), testCase.clause]);
  const header = ['CASE', 'SOURCE', 'EXPECTED', 'CLAUSE'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)));
  const format = (row: readonly string[]) => row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column] ?? 0))).join('  ');
  return `${[header, ...rows].map(format).join('\n')}\n\n${cases.length} cases\n`;
}
