import type { CaseResult, GateStatus } from '../src/results.ts';
import { entryFor, gateOf } from '../src/gate/classify.ts';
import type { Expectation } from '../src/gate/expectations.ts';
import { paintedConsoleLine } from './console-line.ts';
import { noColour, type Mark, type Paint } from './console-colour.ts';

const OUTCOME_MARKS: Readonly<Record<CaseResult['outcome'], Mark>> = {
  pass: { word: 'pass', colour: 'green' },
  fail: { word: 'FAIL', colour: 'red' },
  error: { word: 'ERROR', colour: 'red' },
  skip: { word: 'skip', colour: 'yellow' },
};

// Under a gate a failure is not news unless the expectations file says otherwise.
const GATE_MARKS: Readonly<Record<Exclude<GateStatus, 'conforms'>, Mark>> = {
  expected: { word: 'expected deviation', colour: 'yellow' },
  regression: { word: 'REGRESSION', colour: 'red' },
  'unexpected-pass': { word: 'unexpected pass', colour: 'red' },
};

export interface ProgressOptions {
  /** The entries of --expectations: each line then says how the gate reads the case. */
  readonly expectations?: readonly Expectation[] | null;
  readonly paint?: Paint;
}

/** One line per case as it ends, with the reasons of those that do not conform (under a gate: of the regressions and unexpected passes). */
export class ProgressReporter {
  private ended = 0;
  private readonly markWidth: number;

  constructor(
    private readonly total: number,
    private readonly write: (text: string) => void = (text) => process.stdout.write(text),
    /** Credentials to mask in every line, as a last pass. */
    private readonly secrets: () => readonly string[] = () => [],
    private readonly options: ProgressOptions = {},
  ) {
    const marks = [...Object.values(OUTCOME_MARKS), ...(options.expectations == null ? [] : Object.values(GATE_MARKS))];
    this.markWidth = Math.max(...marks.map((mark) => mark.word.length));
  }

  private line(text: string, mark?: Mark): void {
    this.write(`${paintedConsoleLine(text, this.secrets(), this.options.paint ?? noColour, mark)}\n`);
  }

  caseEnded(result: CaseResult): void {
    this.ended += 1;
    const counter = `[${String(this.ended).padStart(String(this.total).length)}/${this.total}]`;
    const { expectations } = this.options;
    const gate = expectations == null ? null : gateOf(result, entryFor(result.id, expectations));
    const mark = gate === null || gate.status === 'conforms' ? OUTCOME_MARKS[result.outcome] : GATE_MARKS[gate.status];
    this.line(`${counter} ${mark.word.padEnd(this.markWidth)} ${result.id} (${result.durationMs} ms)`, mark);
    const newsworthy = gate === null ? result.outcome === 'fail' || result.outcome === 'error' : gate.status === 'regression' || gate.status === 'unexpected-pass';
    if (!newsworthy) return;
    if (gate !== null && gate.note !== null) this.line(`        ${gate.note}`);
    for (const reason of gate?.status === 'unexpected-pass' ? [] : result.reasons) this.line(`        ${reason.clause}: ${reason.message}`);
  }
}
