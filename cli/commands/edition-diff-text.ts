import type { CaseStatement, EditionDifference } from '../../src/cases/edition-diff.ts';

/** One line per case the two editions judge differently, saying what changed and under which clause. */
export function editionDiffText(differences: readonly EditionDifference[], [first, second]: readonly [string, string]): string {
  const lines = differences.map((difference) => `${difference.id}\n  ${changeText(difference, first, second)}`);
  const count = differences.length === 1 ? '1 case differs' : `${differences.length} cases differ`;
  return `${[...lines, '', `${count} between the ${first} and ${second} editions.`].join('\n')}\n`;
}

function changeText({ aspects, first, second }: EditionDifference, firstName: string, secondName: string): string {
  if (second === null) return `only in ${firstName}: ${stated(first)}`;
  if (first === null) return `only in ${secondName}: ${stated(second)}`;
  const parts: string[] = [];
  if (aspects.includes('request')) parts.push('sent differently');
  if (aspects.includes('outcome')) parts.push(`${stated(first)} → ${stated(second)}`);
  if (aspects.includes('checks')) parts.push(`success checks ${checksChange(first.checks, second.checks)} [${second.clause}]`);
  return parts.join('; ');
}

function stated(statement: CaseStatement | null): string {
  return statement === null ? '' : `${statement.expectation} [${statement.clause}]`;
}

function checksChange(before: readonly string[], after: readonly string[]): string {
  const added = after.filter((check) => !before.includes(check)).map((check) => `+${check}`);
  const removed = before.filter((check) => !after.includes(check)).map((check) => `-${check}`);
  const changes = [...added, ...removed];
  return changes.length === 0 ? 'changed in what they accept' : changes.join(', ');
}
