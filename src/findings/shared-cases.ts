// Pure: the findings that fail the very same cases. "Fix it once, and its cases pass" is not true of
// such findings (a 201 that is also sent without its Content-Type): the cases pass only once every
// finding of the group is fixed, so a reader is told to fix them together.
import type { Finding } from '../results.ts';

export interface SharedCases {
  /** In the order of the run's findings. */
  readonly findingIds: readonly string[];
  readonly caseIds: readonly string[];
}

/**
 * The findings grouped by the set of cases they fail, each group where its first finding is in the
 * run's order; a finding that shares its cases with no other is a group of one.
 */
export function findingsBySharedCases(findings: readonly Pick<Finding, 'id' | 'caseIds'>[]): SharedCases[] {
  const groups = new Map<string, { findingIds: string[]; caseIds: readonly string[] }>();
  for (const finding of findings) {
    const key = JSON.stringify([...finding.caseIds].sort());
    const group = groups.get(key);
    if (group === undefined) groups.set(key, { findingIds: [finding.id], caseIds: finding.caseIds });
    else group.findingIds.push(finding.id);
  }
  return [...groups.values()];
}
