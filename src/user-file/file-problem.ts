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

/** A file that cannot be used; its message lists every problem found. */
export class UserFileError extends Error {
  override readonly name: string = 'UserFileError';

  /** @param subject what the file is, as a sentence starts: "The spec", "The fixtures file". */
  constructor(
    subject: string,
    readonly problems: readonly FileProblem[],
  ) {
    const count = problems.length === 1 ? 'a problem' : `${problems.length} problems`;
    super(`${subject} has ${count}:\n${problems.map(formatProblem).join('\n')}`);
  }
}
