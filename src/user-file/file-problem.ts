// One way to say what is wrong with a file a user wrote (a spec, a static fixtures file): each
// problem where an editor would show it, what is wrong, and how to fix it; never a stack.
import { spellOutForTerminal } from '../control-characters.ts';

/** One thing wrong with a file. */
export interface FileProblem {
  readonly file: string;
  /** 1-based; 0 when the problem is the file as a whole. */
  readonly line: number;
  readonly column: number;
  readonly message: string;
  /** What to write or do instead. */
  readonly fix: string;
}

/**
 * The problem as the console shows it. Each part may quote the file (a value, a parser's excerpt):
 * every character that would act on a terminal is spelled out, however the part quoted it.
 */
export function formatProblem(problem: FileProblem): string {
  const where = problem.line > 0 ? `${problem.file}:${problem.line}:${problem.column}` : problem.file;
  return `${spellOutForTerminal(where)}: ${spellOutForTerminal(problem.message)}\n  fix: ${spellOutForTerminal(problem.fix)}`;
}

/** Places a folded problem names after its first. */
const MAX_OTHER_PLACES = 3;

/**
 * The problems with one problem said once: the same mistake made in many places (`outcome: fial` in
 * every entry) is one problem at its first place, naming how many places and the next few.
 */
export function foldProblems(problems: readonly FileProblem[]): FileProblem[] {
  const groups = new Map<string, FileProblem[]>();
  for (const problem of problems) {
    const key = JSON.stringify([problem.file, problem.message, problem.fix]);
    groups.set(key, [...(groups.get(key) ?? []), problem]);
  }
  return [...groups.values()].flatMap(([first, ...others]) => {
    if (first === undefined) return [];
    if (others.length === 0) return [first];
    const shown = others.slice(0, MAX_OTHER_PLACES).map((problem) => `${problem.line}:${problem.column}`);
    const more = others.length > MAX_OTHER_PLACES ? ` and ${others.length - MAX_OTHER_PLACES} more` : '';
    return [{ ...first, message: `${first.message} (in ${others.length + 1} places: here, ${shown.join(', ')}${more})` }];
  });
}

/** A file that cannot be used; its message lists every problem found, each said once. */
export class UserFileError extends Error {
  override readonly name: string = 'UserFileError';

  /** @param subject what the file is, as a sentence starts: "The spec", "The fixtures file". */
  constructor(
    subject: string,
    readonly problems: readonly FileProblem[],
  ) {
    const folded = foldProblems(problems);
    const count = folded.length === 1 ? 'a problem' : `${folded.length} problems`;
    super(`${subject} has ${count}:\n${folded.map(formatProblem).join('\n')}`);
  }
}
