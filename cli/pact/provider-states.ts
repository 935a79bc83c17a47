// The state handlers of a verification: what each provider state of the contract names is looked
// up among the fixtures provisioned for the run, a mapping a state names is created, and after each
// interaction the mappings it may have left are deleted, so that the next one starts clean.
import type { FixtureValues } from '../../src/cases/placeholders.ts';
import { paddedValues, SOURCE_FIXTURES, stateNamed, stateValues } from '../../src/pact/provider-states.ts';
import { createdMapping, deleteMappings, sweepMappings } from '../../src/runner/mapping-cleanup.ts';
import type { SourceType } from '../../src/spec/types.ts';
import { describeObservation, type Transport } from '../../src/transport/index.ts';

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
  ) {}

  async setup(name: string, params: unknown): Promise<StateSetup> {
    const values = this.fixtures === null ? {} : stateValues(this.fixtures);
    // An interaction without states is verified with the state "".
    if (name === '') return { values, problems: [] };
    const state = stateNamed(name);
    if (state === null) return { values, problems: [`no handler for the provider state "${name}"`] };
    const needed = state.kind === 'fixture' ? [state.fixture] : (['function', state.source] as const);
    const absent = needed.filter((fixture) => (fixture === 'function' ? values['functionName'] : values[`${fixture}Arn`]) === undefined);
    if (absent.length > 0) return { values, problems: [`"${name}": no ${absent.join(', ')} fixture on the target`] };
    if (state.kind === 'mapping') {
      const problem = await this.createMapping(state.source);
      if (problem !== null) return { values, problems: [problem] };
    }
    const padded = paddedValues(params, values);
    return { values: { ...values, ...padded.values }, problems: padded.problems };
  }

  /**
   * Deletes the mappings a state made and, when the interaction's request may have created one,
   * every mapping of the function to each source, so that the next interaction starts clean.
   */
  async cleanUp(requestMayHaveCreated: boolean): Promise<string[]> {
    const fixtures = this.fixtures;
    if (fixtures === null || fixtures.functionName === '') return [];
    const outcomes = [await deleteMappings(this.transport, this.created.splice(0))];
    if (!requestMayHaveCreated) return outcomes.flatMap((outcome) => outcome.problems);
    for (const source of SOURCE_FIXTURES) {
      const arn = fixtures.sourceArns[source];
      if (arn !== undefined) outcomes.push(await sweepMappings(this.transport, fixtures, arn));
    }
    return outcomes.flatMap((outcome) => outcome.problems);
  }

  private async createMapping(source: SourceType): Promise<string | null> {
    const fixtures = this.fixtures;
    const arn = fixtures?.sourceArns[source];
    if (fixtures === null || arn === undefined) return `no ${source} fixture on the target`;
    // The smallest request every source accepts; streams need a starting position.
    const body = { FunctionName: fixtures.functionName, EventSourceArn: arn, ...(source !== 'sqs' && { StartingPosition: 'TRIM_HORIZON' }) };
    const answer = await this.transport.send({
      method: 'POST',
      path: '/2015-03-31/event-source-mappings/',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const uuid = createdMapping(answer);
    if (uuid !== null) this.created.push(uuid);
    return answer.response !== null && answer.response.status < 300 ? null : `could not create the mapping the state names (${describeObservation(answer)})`;
  }
}
