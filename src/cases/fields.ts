// What the spec says of one request field, asked the same way by every family: where it applies,
// which values it allows on a source, its limits and default there, and a value it accepts.
import { sourceTypesOf, type Citation, type CrossFieldRule, type FieldRole, type FieldValue, type RequestField, type SourceLimits, type SourceType, type Spec } from '../spec/types.ts';
import { placeholder } from './placeholders.ts';

/** A moment safely in the past (2019-01-01T00:00:00Z), in Unix seconds as documented. */
export const pastTimestamp = 1546300800;

export type RuleOf<K extends CrossFieldRule['kind']> = Extract<CrossFieldRule, { kind: K }>;

export function rulesOf<K extends CrossFieldRule['kind']>(spec: Spec, kind: K): Array<RuleOf<K>> {
  return spec.rules.filter((rule): rule is RuleOf<K> => rule.kind === kind);
}

export function requestField(spec: Spec, name: string): RequestField {
  const field = spec.request[name];
  if (field === undefined) throw new Error(`The spec has no request field "${name}"`);
  return field;
}

/** The name of the field that names the function, or the event source (the loader checks there is one of each). */
export function fieldNaming(spec: Spec, role: FieldRole): string {
  const found = Object.entries(spec.request).find(([, field]) => field.names === role);
  if (found === undefined) throw new Error(`The spec has no request field with names: ${role}`);
  return found[0];
}

/** The source types a field has a meaning for, in the spec's order. */
export function sourcesOf(spec: Spec, field: RequestField): SourceType[] {
  return sourceTypesOf(spec).filter((sourceType) => field.appliesTo === undefined || field.appliesTo.sourceTypes.includes(sourceType));
}

/** The documented values of an enumerated field that the spec's rules allow for a source type. */
export function allowedValues(spec: Spec, name: string, sourceType: SourceType): string[] {
  return (spec.request[name]?.values?.enum ?? []).filter((value) => forbiddingRule(spec, name, value, sourceType) === undefined);
}

/** The rule that forbids a value of a field on a source type, if one does. */
export function forbiddingRule(spec: Spec, name: string, value: FieldValue, sourceType: SourceType): RuleOf<'value-only-for-source-types'> | undefined {
  return rulesOf(spec, 'value-only-for-source-types').find((rule) => rule.field === name && rule.value === value && !rule.sourceTypes.includes(sourceType));
}

/** An integer field's bounds on a source type: its own narrower limits where the spec gives them. */
export function limitsOn(field: RequestField, sourceType: SourceType): { minimum: number; maximum: number; own: SourceLimits | undefined } | undefined {
  if (field.range === undefined) return undefined;
  const own = field.perSourceType?.[sourceType];
  return { minimum: own?.minimum ?? field.range.minimum, maximum: own?.maximum ?? field.range.maximum, own };
}

/** The documented default of a field on a source type, with the clause that states it. */
export function defaultOn(field: RequestField, sourceType: SourceType): (Citation & { value: FieldValue }) | undefined {
  const own = field.perSourceType?.[sourceType];
  if (own?.default !== undefined) return { clause: own.clause, doc: own.doc, value: own.default };
  return field.default;
}

/** Whether the answer carries the field: the response documents it, or a default is documented for it. */
export function isAnswered(spec: Spec, name: string, field: RequestField): boolean {
  return name in spec.response.fields || field.default !== undefined || Object.values(field.perSourceType ?? {}).some((own) => own.default !== undefined);
}

/** A value of the field that the spec accepts on a source type, or undefined when none can be told. */
export function exampleValue(spec: Spec, name: string, sourceType: SourceType): FieldValue | undefined {
  const field = requestField(spec, name);
  if (field.names === 'function') return placeholder.functionName;
  if (field.names === 'event-source') return placeholder.sourceArn(sourceType);
  if (field.example !== undefined) return field.example;
  if (field.values !== undefined) return allowedValues(spec, name, sourceType)[0];
  switch (field.type.is) {
    case 'boolean':
      return true;
    case 'timestamp':
      return pastTimestamp;
    case 'integer':
      return defaultOn(field, sourceType)?.value ?? limitsOn(field, sourceType)?.minimum ?? 1;
    case 'string':
    case 'list':
    case 'object':
      return undefined;
  }
}

/** "a", or "an" before a vowel. */
export function article(word: string): string {
  return /^[aeiou]/.test(word) ? 'an' : 'a';
}
