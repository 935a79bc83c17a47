import { generateCases } from '../../src/cases/generate.ts';
import type { Case, ResponseCheck } from '../../src/cases/case.ts';
import { describeExpectation } from '../../src/cases/describe-expectation.ts';
import { loadEdition } from '../../src/spec/load.ts';
import { selectCases } from '../../src/cases/select.ts';
import { processIo, type CommandIo } from '../io.ts';
import { checkGrep, parseFlags } from './flags.ts';
import { PROPERTY_FLAGS, propertyFlags, randomSeed } from './run-settings.ts';
import { propertyCases } from '../../src/cases/properties/property-cases.ts';
import { drawnValues, isPropertyCase } from '../../src/cases/properties/sampling.ts';
import type { Spec } from '../../src/spec/types.ts';

export async function list(argv: string[], io: CommandIo = processIo): Promise<number> {
  const flags = parseFlags('list', argv, {
    edition: { type: 'string', default: 'seed' },
    json: { type: 'boolean', default: false },
    grep: { type: 'string' },
    ...PROPERTY_FLAGS,
  });
  const spec = loadEdition(flags.edition);
  const { seed, propertyRuns } = propertyFlags(flags);
  const properties = { runs: propertyRuns, seed: seed ?? randomSeed() };
  const cases = selectCases([...generateCases(spec), ...propertyCases(spec, properties)], checkGrep(flags.grep));
  io.stdout(flags.json ? `${JSON.stringify(cases.map((testCase) => listing(spec, testCase)), null, 2)}\n` : table(cases, properties.seed));
  return 0;
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
