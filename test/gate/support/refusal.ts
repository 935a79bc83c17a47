import { parseExpectations } from '../../../src/gate/parse-expectations.ts';
import { UserFileError } from '../../../src/user-file/file-problem.ts';

/** What reading `text` as an expectations file (named e.yaml) refuses it with; a file it accepts fails the test. */
export function refusalOf(text: string): string {
  try {
    parseExpectations(text, 'e.yaml');
  } catch (error) {
    if (error instanceof UserFileError) return error.message;
    throw error;
  }
  throw new Error('expected the file to be refused');
}
