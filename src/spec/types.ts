/** The loaded, validated contract: the shape of specs/*.yaml (see specs/spec.schema.json). */

export type SourceType = 'kinesis' | 'dynamodb' | 'sqs';
export const sourceTypes: readonly SourceType[] = ['kinesis', 'dynamodb', 'sqs'];

/** Every rule of the spec names its clause and quotes the documentation sentence it comes from. */
export interface Citation {
  readonly clause: string;
  readonly doc: string;
}

export type FieldKind = 'integer' | 'boolean' | 'string' | 'timestamp';

export interface TypeRule extends Citation {
  readonly is: FieldKind;
}

export interface RangeRule extends Citation {
  readonly minimum: number;
  readonly maximum: number;
}

export interface PatternRule extends Citation {
  readonly regex: string;
}

export interface EnumRule extends Citation {
  readonly enum: readonly string[];
}

export interface SourceBatchSize extends Citation {
  readonly default: number;
  readonly maximum: number;
}

export interface RequestField {
  readonly type: TypeRule;
  readonly required?: Citation;
  readonly range?: RangeRule;
  readonly perSourceType?: Readonly<Record<SourceType, SourceBatchSize>>;
  readonly length?: RangeRule;
  readonly nameLength?: Citation & { readonly maximum: number };
  readonly pattern?: PatternRule;
  readonly values?: EnumRule;
  readonly forms?: Readonly<Record<FunctionNameForm, Citation>>;
  readonly sourceType?: Citation;
  readonly meaning?: Citation;
}

export type FunctionNameForm = 'name' | 'arn' | 'qualifiedArn' | 'partialArn';

export interface SourceTypeSpec {
  readonly title: string;
  readonly arn: Citation & { readonly service: string; readonly resource: string };
}

export type CrossFieldRule =
  | (Citation & { readonly kind: 'required-for-source-types'; readonly field: string; readonly sourceTypes: readonly SourceType[] })
  | (Citation & {
      readonly kind: 'value-only-for-source-types';
      readonly field: string;
      readonly value: string;
      readonly sourceTypes: readonly SourceType[];
    })
  | (Citation & {
      readonly kind: 'required-when';
      readonly field: string;
      readonly when: { readonly field: string; readonly equals: string };
    });

export interface ResponseField extends Citation {
  readonly is: FieldKind;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly pattern?: string;
  readonly enum?: readonly string[];
  readonly format?: 'uuid';
  readonly alwaysPresent?: boolean;
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

export type OutcomeKind = 'constraintViolation' | 'ruleViolation' | 'functionNotFound' | 'duplicateMapping';

export type UnspecifiedKind =
  | 'sourceNotFound'
  | 'startingPositionOnQueue'
  | 'timestampWithoutAtTimestamp'
  | 'unknownField'
  | 'unreadableBody'
  | 'contentType'
  | 'unboundedArnLength';

export type UnspecifiedRule = Citation & OutcomeRule;

export type RequestFieldName =
  | 'BatchSize'
  | 'Enabled'
  | 'EventSourceArn'
  | 'FunctionName'
  | 'MaximumBatchingWindowInSeconds'
  | 'StartingPosition'
  | 'StartingPositionTimestamp';

export interface Spec {
  readonly edition: string;
  readonly title: string;
  readonly document: string;
  readonly operation: Citation & { readonly method: string; readonly path: string; readonly contentType: string };
  readonly sourceTypes: Readonly<Record<SourceType, SourceTypeSpec>>;
  readonly request: Readonly<Record<RequestFieldName, RequestField>>;
  readonly rules: readonly CrossFieldRule[];
  readonly response: {
    readonly status: Citation & { readonly code: number };
    /** The media type a success answer declares in its Content-Type header. */
    readonly contentType: Citation & { readonly mediaType: string };
    readonly fields: Readonly<Record<string, ResponseField>>;
  };
  readonly errors: Readonly<Record<string, ErrorSpec>>;
  readonly outcomes: Readonly<Record<OutcomeKind, OutcomeRule>>;
  readonly unspecified: Readonly<Record<UnspecifiedKind, UnspecifiedRule>>;
}
