// What `run --record DIR` and `run --compare-recording DIR` add to a run: the exchanges of each
// case heard as they are sent, each result judged against the recording as it ends, the lines
// said once, and the recording written once the report is built.
import type { CaseResult } from '../../src/results.ts';
import { judgedAgainstRecording } from '../../src/recording/compare.ts';
import { Normaliser, type RunValues } from '../../src/recording/placeholders.ts';
import { normalisedExchanges, type RecordingFacts } from '../../src/recording/recording.ts';
import { ExchangeLog, writeRecording } from '../../reporters/recording-writer.ts';
import type { RunSettings } from '../commands/run-settings.ts';
import { loadRecording, type LoadedRecording } from './load-recording.ts';

export class RunRecording {
  readonly exchanges = new ExchangeLog();
  private readonly lacking: string[] = [];

  private constructor(
    private readonly settings: Pick<RunSettings, 'record' | 'compareMessages'>,
    /** The recording cases are compared with; null without --compare-recording. */
    readonly compared: LoadedRecording | null,
  ) {}

  /** Null when the run neither records nor compares; a recording that cannot be read is refused here, before anything is made. */
  static of(settings: Pick<RunSettings, 'record' | 'compareRecording' | 'compareMessages'>): RunRecording | null {
    if (settings.record === null && settings.compareRecording === null) return null;
    return new RunRecording(settings, settings.compareRecording === null ? null : loadRecording(settings.compareRecording));
  }

  /** The result, judged against the recording too when the run compares; `values` are this run's. */
  judged(result: CaseResult, values: RunValues): CaseResult {
    const recorded = this.compared?.cases.get(result.id);
    if (this.compared === null || result.request === null) return result;
    if (recorded === undefined) {
      this.lacking.push(result.id);
      return result;
    }
    const observed = normalisedExchanges(this.exchanges.of(result.id), new Normaliser(values));
    return judgedAgainstRecording(result, recorded, observed, this.compared.label, { messages: this.settings.compareMessages });
  }

  /** The cases the recording lacks, in one sentence; null when it has every case sent. */
  lackingLine(): string | null {
    if (this.compared === null || this.lacking.length === 0) return null;
    const [first] = this.lacking;
    const count = this.lacking.length === 1 ? '1 case sent is' : `${this.lacking.length} cases sent are`;
    return `${count} not in the recording ${this.compared.label} (${first ?? ''}${this.lacking.length > 1 ? ', …' : ''}): judged by the documentation alone`;
  }

  /** Writes the recording with --record, the cases in report order; says where. */
  async write(facts: RecordingFacts, cases: readonly CaseResult[], values: RunValues | null, secrets: readonly string[]): Promise<string | null> {
    if (this.settings.record === null) return null;
    await writeRecording(this.settings.record, facts, cases, this.exchanges, values, secrets);
    return this.settings.record;
  }
}
