// The part of the Pact specification V4 file format this project writes and reads: one consumer,
// one provider, synchronous HTTP interactions. https://github.com/pact-foundation/pact-specification/tree/version-4
import type { JsonObject, JsonValue } from '../cases/case.ts';

export interface PactFile {
  readonly consumer: { readonly name: string };
  readonly provider: { readonly name: string };
  readonly interactions: readonly PactInteraction[];
  readonly metadata: JsonObject & { readonly pactSpecification: { readonly version: '4.0' } };
}

export interface ProviderState {
  readonly name: string;
  readonly params?: JsonObject;
}

export interface PactInteraction {
  readonly type: 'Synchronous/HTTP';
  /** The case id: unique in the file, and how a verification result names the interaction. */
  readonly description: string;
  readonly providerStates: readonly ProviderState[];
  readonly request: PactRequest;
  readonly response: PactResponse;
  readonly comments: PactComments;
  readonly pending: boolean;
}

export interface PactComments extends JsonObject {
  readonly testname: string;
  readonly text: readonly string[];
  /** What the report of a verification needs to know of the case (see src/results.ts CaseIdentity). */
  readonly case: CaseSummary;
}

export interface CaseSummary extends JsonObject {
  readonly clause: string;
  readonly doc: string;
  readonly title: string;
  readonly sourceType: string | null;
  readonly errorTypes: readonly string[];
  readonly why: string;
}

export interface PactBody {
  readonly contentType: string;
  readonly encoded: false;
  /** JSON is written as JSON; a string is sent byte for byte (a malformed body is a case too). */
  readonly content: JsonValue;
}

export interface Matcher extends JsonObject {
  readonly match: 'regex' | 'integer' | 'number' | 'type';
}

export interface MatchingRule extends JsonObject {
  readonly combine: 'AND';
  readonly matchers: readonly Matcher[];
}

/** A value the verifier computes from what the provider states' setup returned. */
export interface ProviderStateGenerator extends JsonObject {
  readonly type: 'ProviderState';
  /** `${name}` placeholders, replaced by the values the state setup returned. */
  readonly expression: string;
  readonly dataType: 'STRING';
}

export interface PactRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, readonly string[]>>;
  readonly body?: PactBody;
  readonly generators?: { readonly body: Readonly<Record<string, ProviderStateGenerator>> };
}

export interface PactResponse {
  readonly status: number;
  readonly headers?: Readonly<Record<string, readonly string[]>>;
  readonly body?: PactBody;
  readonly matchingRules?: {
    readonly body?: Readonly<Record<string, MatchingRule>>;
    readonly header?: Readonly<Record<string, MatchingRule>>;
  };
}
