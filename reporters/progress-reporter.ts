import type { CaseResult } from '../src/results.ts';
import { consoleLine } from './console-line.ts';

const marks: Readonly<Record<CaseResult['outcome'], string>> = { pass: 'pass ', fail: 'FAIL ', error: 'ERROR', skip: 'skip ' };

/** One line per case as it ends, with the reasons of those that do not conform. */
export class ProgressReporter {
  private ended = 0;

  constructor(
    private readonly total: number,
    private readonly write: (text: string) => void = (text) => process.stdout.write(text),
    /** Credentials to mask in every line, as a last pass. */
    private readonly secrets: () => readonly string[] = () => [],
  ) {}

  private line(text: string): void {
    this.write(`${consoleLine(text, this.secrets())}\n`);
  }

  caseEnded(result: CaseResult): void {
    this.ended += 1;
    const counter = `[${String(this.ended).padStart(String(this.total).length)}/${this.total}]`;
    this.line(`${counter} ${marks[result.outcome]} ${result.id} (${result.durationMs} ms)`);
    if (result.outcome === 'fail' || result.outcome === 'error') {
      for (const reason of result.reasons) this.line(`        ${reason.clause}: ${reason.message}`);
    }
  }
}
