// Pure: the level a run lets a target claim, from its judged cases.
import type { CaseResult, Certification, CertificationLevel, LevelKeptBack } from '../results.ts';
import { LEVEL_OF_CHECK } from '../checks/index.ts';
import { LEVELS, type ClaimedLevel } from '../checks/levels.ts';

/** Why a run can certify nothing, whatever its cases say; null when it can. */
export interface RunScope {
  /** False when the run stopped before every case was judged. */
  readonly complete: boolean;
  /** Why the plan is not every case of the edition (a `--grep`, a Pact file), or null when it is. */
  readonly subset: string | null;
}

/**
 * The lowest level a case keeps back, or null when it keeps back none. A failure keeps back the
 * level of its lowest failed check and every level above (a check of level 'none' keeps back nothing); a case that could not be judged or was
 * not run proves nothing about its answer, and so keeps back every level.
 */
function lowestLevelKeptBack(result: Pick<CaseResult, 'outcome' | 'reasons'>): ClaimedLevel | null {
  if (result.outcome === 'pass') return null;
  if (result.outcome !== 'fail') return 1;
  // A check of level 'none' (recording_conformance) fails a case but certifies nothing either way.
  const counted = result.reasons.map((reason) => LEVEL_OF_CHECK[reason.check]).filter((level) => level !== 'none');
  if (counted.length === 0 && result.reasons.length > 0) return null;
  const levels = counted.filter((level) => level !== null);
  return levels.length === 0 ? 1 : (Math.min(...levels) as ClaimedLevel);
}

/**
 * Level N is reached when the run judged every case of the edition, and no case keeps back N or a
 * level below it. A partial or incomplete run reaches no level (0), but still says which cases
 * keep back each level.
 */
export function certificationOf(cases: readonly Pick<CaseResult, 'id' | 'outcome' | 'reasons'>[], scope: RunScope): Certification {
  const lowest = cases.map((result) => ({ id: result.id, level: lowestLevelKeptBack(result) }));
  const keptBackAt = (level: ClaimedLevel): readonly string[] => lowest.filter((entry) => entry.level !== null && entry.level <= level).map((entry) => entry.id);
  const uncertified = !scope.complete ? 'the run stopped before every case was judged' : scope.subset;
  let level: CertificationLevel = 0;
  const keptBack: LevelKeptBack[] = [];
  for (const candidate of LEVELS) {
    const caseIds = keptBackAt(candidate);
    if (caseIds.length === 0 && keptBack.length === 0 && uncertified === null) level = candidate;
    else keptBack.push({ level: candidate, caseIds });
  }
  return { level, uncertified, keptBack };
}
