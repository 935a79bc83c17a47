// Which cases an expectations entry names: an exact id, or a glob over ids, where `*` stands for
// any characters within one segment of the id (`BatchSize/*/0`) and `**` for any characters at all
// (`FunctionName/**`). A repeated case (`BatchSize/sqs/0#2`, from --repeat) is the case itself.
//
// A glob is matched by walking the id once while keeping every position the glob could have reached
// (no backtracking), so a glob such as `********************!` costs its length times the id's,
// never an exponent of either. Its length and wildcards are bounded all the same, when the file is read.
import { closestWord } from '../did-you-mean.ts';

/** Longer than any case id an edition generates (test/gate checks it), short enough to read. */
export const MAX_PATTERN_LENGTH = 200;
/** `*` characters a glob may hold; the globs people write hold one to four. */
export const MAX_PATTERN_WILDCARDS = 32;

export function isGlob(pattern: string): boolean {
  return pattern.includes('*');
}

/** The case id without the round suffix --repeat adds. */
export function baseCaseId(id: string): string {
  return id.replace(/#\d+$/, '');
}

export function matchesCase(pattern: string, id: string): boolean {
  const base = baseCaseId(id);
  return isGlob(pattern) ? matchesGlob(globSteps(pattern), base) : pattern === base;
}

/** One step of a glob: a character to meet, `*` (any run within a segment) or `**` (any run at all). */
type GlobStep = { readonly literal: string } | { readonly any: 'within-segment' | 'across-segments' };

function globSteps(pattern: string): GlobStep[] {
  const steps: GlobStep[] = [];
  for (let index = 0; index < pattern.length; index++) {
    const character = pattern[index] ?? '';
    if (character !== '*') steps.push({ literal: character });
    else if (pattern[index + 1] === '*') {
      steps.push({ any: 'across-segments' });
      index++;
    } else steps.push({ any: 'within-segment' });
  }
  return steps;
}

function matchesGlob(steps: readonly GlobStep[], text: string): boolean {
  // reached[i]: the first i steps can have matched the text read so far.
  let reached = withSkippedWildcards(steps, [0]);
  for (let index = 0; index < text.length && reached.some(Boolean); index++) {
    const character = text[index];
    const next: number[] = [];
    for (const [at, step] of steps.entries()) {
      if (!reached[at]) continue;
      if ('literal' in step) {
        if (step.literal === character) next.push(at + 1);
      } else if (step.any === 'across-segments' || character !== '/') next.push(at);
    }
    reached = withSkippedWildcards(steps, next);
  }
  return reached[steps.length] === true;
}

/** A wildcard may also match nothing: whoever reached it has reached the step after it too. */
function withSkippedWildcards(steps: readonly GlobStep[], positions: readonly number[]): boolean[] {
  const reached = new Array<boolean>(steps.length + 1).fill(false);
  for (const at of positions) reached[at] = true;
  for (const [at, step] of steps.entries()) {
    if (reached[at] && !('literal' in step)) reached[at + 1] = true;
  }
  return reached;
}

/**
 * The case id an entry's id is a typo of: one edit away from it, while matching no case. Null for a
 * glob, which is a pattern and no typo of an id.
 */
export function mistypedCaseId(pattern: string, caseIds: readonly string[]): string | null {
  return isGlob(pattern) ? null : closestWord(pattern, caseIds, 1);
}
