import { parseSpec } from '../../src/spec/load.ts';
import { SpecError } from '../../src/spec/spec-error.ts';
import type { FileProblem } from '../../src/user-file/file-problem.ts';

/** The problems a spec text raises when loaded as `file`; throws if it loads without complaint. */
export function specProblems(text: string, file = 'broken.yaml'): readonly FileProblem[] {
  try {
    parseSpec(file, text);
  } catch (error) {
    if (error instanceof SpecError) return error.problems;
    throw error;
  }
  throw new Error('the broken spec loaded without complaint');
}
