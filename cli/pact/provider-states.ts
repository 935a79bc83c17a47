// The state handlers of a verification: what each provider state of the contract names is looked
// up among the fixtures provisioned for the run, a mapping a state names is created, and after each
// interaction the mappings it made are deleted, so that the next one starts clean. Only what the
// verification can prove it made is deleted: the UUIDs it was answered, and, on a function the run
// created itself, the mappings of that function to a source when an answer left one in doubt.
import type { FixtureValues } from '../../src/cases/placeholders.ts';
import { paddedValues, SOURCE_FIXTURES, stateNamed, stateValues, valueNamesOf } from '../../src/pact/provider-states.ts';
import { createdMapping, deleteMappings, mayHaveCreatedUnknownMapping, sweepMappings } from '../../src/runner/mapping-cleanup.ts';
import { smallestMappingRequest } from '../../src/runner/smallest-mapping.ts';
import type { SourceType } from '../../src/spec/types.ts';
import { describeObservation, type Observation, type Transport } from '../../src/transport/index.ts';

export interface StateSetup {
  readonly values: Record<string, string>;
  /** Why the state could not be set up; empty when it was. */
  readonly problems: readonly string[];
}

export class StateHandlers {
  private readonly created: string[] = [];

  constructor(
    private readonly transport: Transport,
    /** Null when the run provisioned nothing (no state of the contract names a fixture). */
    private readonly fixtures: FixtureValues | null,
    /** Whether the run created the fixtures (false for --fixtures FILE: they are the user's). */
    private readonly ownsFixtures: boolean,
  ) {}

  async setup(name: string, params: unknown): Promise<StateSetup> {
    const values = this.fixtures === null ? {} : stateValues(this.fixtures);
    // An interaction without states is verified with the state "".
    if (name === '') return { values, problems: [] };
    const state = stateNamed(name);
    if (state === null) return { values, problems: [`no handler for the provider state "${name}"`] };
    const needed = state.kind === 'fixture' ? [state.fixture] : (['function', state.source] as const);
    const absent = needed.filter((fixture) => valueNamesOf(fixture).some((value) => values[value] === undefined));
    if (absent.length > 0) return { values, problems: [`"${name}": no ${absent.join(', ')} fixture on the target`] };
    if (state.kind === 'mapping') {
      const problem = await this.createMapping(state.source);
      if (problem !== null) return { values, problems: [problem] };
    }
    const padded = paddedValues(params, values);
    return { values: { ...values, ...padded.values }, problems: padded.problems };
  }

  /**
   * Deletes the mappings a state made and those the interaction's answers named; when an answer
   * left in doubt whether a mapping was made, sweeps the mappings of the run's own function to each
   * source, or, on the user's function, says what may be left.
   */
  async cleanUp(exchanges: readonly Observation[]): Promise<string[]> {
    const fixtures = this.fixtures;
    if (fixtures === null || fixtures.functionName === '') return [];
    const answered = exchanges.map(createdMapping).filter((uuid): uuid is string => uuid !== null);
    const outcomes = [await deleteMappings(this.transport, [...this.created.splice(0), ...answered])];
    const problems = (): string[] => outcomes.flatMap((outcome) => outcome.problems);
    if (!exchanges.some(mayHaveCreatedUnknownMapping)) return problems();
    if (!this.ownsFixtures) {
      return [...problems(), `an answer left in doubt whether a mapping of ${fixtures.functionName} was made; the function is not this run's, so none was deleted: look for one by hand`];
    }
    for (const source of SOURCE_FIXTURES) {
      const arn = fixtures.sourceArns[source];
      if (arn !== undefined) outcomes.push(await sweepMappings(this.transport, fixtures, arn));
    }
    return problems();
  }

  private async createMapping(source: SourceType): Promise<string | null> {
    const fixtures = this.fixtures;
    const arn = fixtures?.sourceArns[source];
    if (fixtures === null || arn === undefined) return `no ${source} fixture on the target`;
    const answer = await this.transport.send(smallestMappingRequest(fixtures.functionName, source, arn));
    const uuid = createdMapping(answer);
    if (uuid !== null) this.created.push(uuid);
    return answer.response !== null && answer.response.status < 300 ? null : `could not create the mapping the state names (${describeObservation(answer)})`;
  }
}
