// Pure: the certification levels as a ladder, each rung with what keeps it back: the cases, and the
// findings whose check belongs to that level (the ones to fix, beyond those of the rungs below).
import { LEVEL_OF_CHECK } from '../checks/index.ts';
import { LEVELS, type ClaimedLevel } from '../checks/levels.ts';
import type { Certification, Finding } from '../results.ts';

/**
 * The level a finding keeps back, with every level above it: its check's. A check of no level (no
 * answer, a fixture missing) proves nothing about the answer, and so keeps back every level; null
 * for a check beyond the documentation (recording_conformance), which keeps back none.
 */
export function levelKeptBackBy(finding: Pick<Finding, 'check'>): ClaimedLevel | null {
  const level = LEVEL_OF_CHECK[finding.check];
  return level === 'none' ? null : (level ?? 1);
}

export interface LadderRung {
  readonly level: ClaimedLevel;
  readonly reached: boolean;
  /** The cases keeping the level back; none when it is reached, or when only the run's scope does. */
  readonly caseIds: readonly string[];
  /** The findings of this level, most cases first. */
  readonly findingIds: readonly string[];
}

export function levelLadder(certification: Certification, findings: readonly Pick<Finding, 'id' | 'check'>[]): LadderRung[] {
  return LEVELS.map((level) => ({
    level,
    reached: certification.level >= level,
    caseIds: certification.keptBack.find((entry) => entry.level === level)?.caseIds ?? [],
    findingIds: findings.filter((finding) => levelKeptBackBy(finding) === level).map((finding) => finding.id),
  }));
}
