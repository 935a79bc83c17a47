/** The loaded, validated contract: the shape of specs/*.yaml (see specs/spec.schema.json). */

/**
 * The sources the suite can provision (each is a fixture: `{{sqsFifo.arn}}`). An edition lists
 * under `sourceTypes:` those it has, in the order its cases go through them.
 */
export type SourceType = 'kinesis' | 'dynamodb' | 'sqs' | 'sqsFifo';

/** The source types an edition has, in its order. */
export function sourceTypesOf(spec: Pick<Spec, 'sourceTypes'>): SourceType[] {
  return Object.keys(spec.sourceTypes) as SourceType[];
}

/** Every rule of the spec names its clause and quotes the documentation sentence it comes from. */
export interface Citation {
  readonly clause: string;
  readonly doc: string;
}

/**
 * A rule a request can break. `outcome` names the entry of `outcomes` a breach gets; absent, the
 * edition-wide default for its kind applies (`typeViolation` for a value of the wrong JSON type,
 * `constraintViolation` for what the field alone documents, `ruleViolation` for rules between
 * fields and source types).
 */
export interface Refusable extends Citation {
  readonly outcome?: string;
}

export type FieldKind = 'integer' | 'boolean' | 'string' | 'timestamp' | 'list' | 'object';

/** A value a request field can carry (a timestamp is a number of seconds; a list or an object is JSON). */
export type FieldValue = number | boolean | string | readonly FieldValue[] | { readonly [member: string]: FieldValue };

export interface TypeRule extends Refusable {
  readonly is: FieldKind;
}

export interface RangeRule extends Refusable {
  readonly minimum: number;
  readonly maximum: number;
}

/** An integer field's documented range, and the values probed on every source besides its boundaries. */
export interface ValueRange extends RangeRule {
  readonly probes?: readonly number[];
}

export interface PatternRule extends Refusable {
  readonly regex: string;
}

export interface EnumRule extends Refusable {
  readonly enum: readonly string[];
  /** The undocumented value sent to show the enumeration is enforced; a made-up one when absent. */
  readonly outsider?: string;
}

/** What one source type allows of a field, narrower than the field's own range, and its default there. */
export interface SourceLimits extends Refusable {
  readonly minimum?: number;
  readonly maximum?: number;
  readonly default?: FieldValue;
}

/** The value a service applies when the request leaves the field out. */
export interface DefaultRule extends Citation {
  readonly value: FieldValue;
}

/** The source types a field has a meaning for; a request that sends it for another is refused. */
export interface Applicability extends Refusable {
  readonly sourceTypes: readonly SourceType[];
}

export interface Meaning extends Citation {
  /** For each value of the field (written as a string), the states a mapping created with it must not report. */
  readonly contraryStates?: Readonly<Record<string, readonly string[]>>;
}

/**
 * One documented value of a field, sent as it stands: accepted (and echoed) without `refused`, else
 * refused with the rule's outcome. For what no facet of the field can say (an object's members, a
 * filter pattern's grammar), each sample cites the sentence that decides it.
 */
export interface Sample extends Refusable {
  readonly variant: string;
  readonly value: FieldValue;
  readonly refused?: boolean;
  /** The source types it is sent on; the first the field applies to when absent. */
  readonly sourceTypes?: readonly SourceType[];
  /** Other members the request carries beside it (BatchSize 1 beside Enabled false). */
  readonly with?: Readonly<Record<string, FieldValue>>;
  /** The entry of `unspecified` that says what it gets, where the sources leave that open. */
  readonly open?: string;
  /** false: the answer is not judged on echoing it (a recorded answer leaves it out). */
  readonly echoed?: false;
  /** What the expected outcome rests on: only the documentation, or an answer real AWS gave. */
  readonly source?: SampleSource;
}

export type SampleSource = 'documentation' | 'recorded';

/** A field whose valid value is a fixture the run provisions: the function, or the event source. */
export type FieldRole = 'function' | 'event-source';

export interface RequestField {
  readonly type: TypeRule;
  readonly names?: FieldRole;
  readonly required?: Refusable;
  readonly range?: ValueRange;
  /** Values inside the range that are refused all the same, by a rule of their own. */
  readonly excludes?: RangeRule;
  readonly perSourceType?: Readonly<Partial<Record<SourceType, SourceLimits>>>;
  readonly default?: DefaultRule;
  readonly appliesTo?: Applicability;
  readonly length?: RangeRule;
  readonly nameLength?: Refusable & { readonly maximum: number };
  readonly pattern?: PatternRule;
  readonly values?: EnumRule;
  readonly forms?: Readonly<Record<FunctionNameForm, Citation>>;
  readonly sourceType?: Refusable;
  readonly meaning?: Meaning;
  /** A valid value, for a field whose valid values cannot be told from its other rules. */
  readonly example?: FieldValue;
  /** Documented values sent as they stand, on the first source the field applies to unless they name theirs. */
  readonly samples?: readonly Sample[];
  /** For a field that names a fixture: what naming one that does not exist gets (its `outcome`). */
  readonly exists?: Refusable & { readonly outcome: string };
}

export type FunctionNameForm = 'name' | 'arn' | 'qualifiedArn' | 'partialArn';

export interface SourceTypeSpec {
  readonly title: string;
  readonly arn: Citation & { readonly service: string; readonly resource: string };
}

/** A condition on another field of the same request: equal to a value, or a number above one. */
export type Condition = { readonly field: string } & ({ readonly equals: FieldValue } | { readonly above: number });

export type CrossFieldRule =
  | (Refusable & {
      readonly kind: 'required-for-source-types';
      readonly field: string;
      readonly sourceTypes: readonly SourceType[];
      /** The `unspecified` entry that says what sending the field for another source type gets. */
      readonly elsewhere?: string;
    })
  | (Refusable & {
      readonly kind: 'value-only-for-source-types';
      readonly field: string;
      readonly value: string;
      readonly sourceTypes: readonly SourceType[];
    })
  | (Refusable & {
      readonly kind: 'required-when';
      readonly field: string;
      readonly when: Condition;
      /** The field's value must be at least this, not only present. */
      readonly atLeast?: number;
      /** Only for these source types; for every one when absent. */
      readonly sourceTypes?: readonly SourceType[];
      /** The `unspecified` entry that says what sending the field without the condition gets. */
      readonly otherwise?: string;
      /** The `unspecified` entry that says what a breach gets, where no source settles it: the breach is an open question, not a refusal. */
      readonly unsettled?: string;
    });

export interface ResponseField extends Citation {
  readonly is: FieldKind;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly pattern?: string;
  readonly enum?: readonly string[];
  readonly format?: 'uuid';
  /** Present in every success answer (of the source types below, when given). */
  readonly alwaysPresent?: boolean;
  /** The source types whose answers carry the member; the answers of the others leave it out. */
  readonly sourceTypes?: readonly SourceType[];
}

export interface ErrorSpec extends Citation {
  readonly status: number;
  /** Why no case can provoke this error on purpose; such a clause is exempt from case coverage. */
  readonly notProvokable?: string;
}

/** One answer the contract accepts; `errorTypes` absent or empty means any error type. */
export interface AcceptedOutcome {
  readonly status: number;
  readonly errorTypes?: readonly string[];
}

export interface OutcomeRule {
  readonly why: string;
  readonly accept: readonly AcceptedOutcome[];
}

/** The outcomes every edition names; an edition may add its own and refer to them from any rule. */
export type OutcomeKind = 'typeViolation' | 'constraintViolation' | 'ruleViolation' | 'duplicateMapping';

/** The open questions the request-wide families ask; an edition may add its own for its rules to refer to. */
export type UnspecifiedKind = 'unknownField' | 'unreadableBody' | 'contentType' | 'unboundedArnLength';

export type UnspecifiedRule = Citation & OutcomeRule;

export interface Spec {
  readonly edition: string;
  readonly title: string;
  readonly document: string;
  readonly operation: Citation & { readonly method: string; readonly path: string; readonly contentType: string };
  readonly sourceTypes: Readonly<Partial<Record<SourceType, SourceTypeSpec>>>;
  readonly request: Readonly<Record<string, RequestField>>;
  readonly rules: readonly CrossFieldRule[];
  readonly response: {
    readonly status: Citation & { readonly code: number };
    /** The media type a success answer declares in its Content-Type header. */
    readonly contentType: Citation & { readonly mediaType: string };
    readonly fields: Readonly<Record<string, ResponseField>>;
  };
  readonly errors: Readonly<Record<string, ErrorSpec>>;
  readonly outcomes: Readonly<Record<OutcomeKind, OutcomeRule>> & Readonly<Record<string, OutcomeRule>>;
  readonly unspecified: Readonly<Record<UnspecifiedKind, UnspecifiedRule>> & Readonly<Record<string, UnspecifiedRule>>;
  /** Members of AWS's model the edition deliberately leaves out, each with why: `drift` does not report them. */
  readonly outOfScope?: Readonly<Record<string, string>>;
}
