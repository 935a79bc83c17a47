import { UserFileError, type FileProblem } from '../user-file/file-problem.ts';

/** A spec that cannot be used. */
export class SpecError extends UserFileError {
  override readonly name = 'SpecError';

  constructor(problems: readonly FileProblem[]) {
    super('The spec', problems);
  }
}
