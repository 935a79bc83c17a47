// The certification level in words, the same on the console, in every report and on the badge.
import { LEVEL_NAMES } from '../checks/levels.ts';
import type { Certification } from '../results.ts';
import { casesCount } from './case-count.ts';


/** "Level 2", or "no level". */
export function levelLabel(certification: Certification): string {
  return certification.level === 0 ? 'no level' : `Level ${certification.level}`;
}

/**
 * The level and what it means, then what keeps back the next one: "Level 1 (every status code
 * right); Level 2 is kept back by 4 cases." A run that cannot certify says why instead.
 */
export function certificationSentence(certification: Certification): string {
  if (certification.uncertified !== null) return `No level: ${certification.uncertified}, and a level is claimed only for a complete run of every case of the edition.`;
  const reached = certification.level === 0 ? 'No level' : `Level ${certification.level} (${LEVEL_NAMES[certification.level]})`;
  const next = certification.keptBack[0];
  if (next === undefined) return `${reached}.`;
  return `${reached}; Level ${next.level} (${LEVEL_NAMES[next.level]}) is kept back by ${casesCount(next.caseIds.length)}.`;
}
