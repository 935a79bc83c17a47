import { ansiColour, noColour, wantsColour, type Paint } from '../reporters/console-colour.ts';

/** Where a command writes; tests that run a command in-process pass their own. */
export interface CommandIo {
  /** The command's output: the progress of a run, a listing, the URL of a server. */
  stdout(text: string): void;
  /** What the person running the command is told: the header, refusals, the verdict, cleanup. */
  stderr(text: string): void;
  /** How stdout's marks and verdict are coloured; none when left out (a file, a pipe, a test). */
  readonly paint?: Paint;
}

export const processIo: CommandIo = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  get paint() {
    return wantsColour(process.stdout, process.env) ? ansiColour : noColour;
  },
};
