import type { CaseStatement, Consequence, EditionDifference } from '../../src/cases/edition-diff.ts';

/**
 * Per case the two editions judge differently, what changed and under which clause, and which
 * edition's targets fail it under the other; then the counts.
 */
export function editionDiffText(differences: readonly EditionDifference[], [first, second]: readonly [string, string]): string {
  const lines = differences.map((difference) => `${difference.id}\n  ${[changeText(difference, first, second), ...failing(difference, first, second)].join('; ')}`);
  const count = differences.length === 1 ? '1 case differs' : `${differences.length} cases differ`;
  return `${[...lines, '', `${count} between the ${first} and ${second} editions.`, consequences(differences, 'firstTargetUnderSecond', first, second), consequences(differences, 'secondTargetUnderFirst', second, first)].join('\n')}\n`;
}

function failing(difference: EditionDifference, first: string, second: string): string[] {
  return [
    ...(difference.firstTargetUnderSecond === 'fails' ? [`a ${first} target fails it under ${second}`] : []),
    ...(difference.secondTargetUnderFirst === 'fails' ? [`a ${second} target fails it under ${first}`] : []),
  ];
}

function consequences(differences: readonly EditionDifference[], direction: 'firstTargetUnderSecond' | 'secondTargetUnderFirst', target: string, judge: string): string {
  const count = (consequence: Consequence) => differences.filter((difference) => difference[direction] === consequence).length;
  return `Judged by ${judge}, a target of ${target} fails ${count('fails')} of them and passes ${count('passes')}; the other ${count('depends')} depend on what the target does where ${target} leaves it free (an open answer, a member it does not check) or on another request.`;
}

function changeText({ aspects, first, second }: EditionDifference, firstName: string, secondName: string): string {
  if (second === null) return `only in ${firstName}: ${stated(first)}`;
  if (first === null) return `only in ${secondName}: ${stated(second)}`;
  const parts: string[] = [];
  if (aspects.includes('request')) parts.push('sent differently');
  if (aspects.includes('outcome')) parts.push(`${stated(first)} → ${stated(second)}`);
  // A refusal that became a success gains every check of a success: naming them says nothing more.
  const newlyAccepted = aspects.includes('outcome') && first.checks.length === 0;
  if (aspects.includes('checks') && !newlyAccepted) parts.push(`success checks: ${checksChange(first.checks, second.checks)}`);
  return parts.join('; ');
}

function stated(statement: CaseStatement | null): string {
  return statement === null ? '' : `${statement.expectation} [${statement.clause}]`;
}

// "+default_value_conformance ParallelizationFactor, TumblingWindowInSeconds; -state_conformance": one group per check and sign.
function checksChange(before: readonly string[], after: readonly string[]): string {
  const groups = [
    ...grouped('+', after.filter((check) => !before.includes(check))),
    ...grouped('-', before.filter((check) => !after.includes(check))),
  ];
  return groups.length === 0 ? 'the same checks, accepting other values' : groups.join('; ');
}

function grouped(sign: string, checks: readonly string[]): string[] {
  const fieldsOfKind = new Map<string, string[]>();
  for (const check of checks) {
    const [kind = check, field] = check.split(' ');
    const fields = fieldsOfKind.get(kind) ?? [];
    if (field !== undefined) fields.push(field);
    fieldsOfKind.set(kind, fields);
  }
  return [...fieldsOfKind].map(([kind, fields]) => `${sign}${kind}${fields.length === 0 ? '' : ` ${fields.join(', ')}`}`);
}
