import { citationsOf } from './citations.ts';
import type { FileProblem } from '../user-file/file-problem.ts';
import { sourceTypesOf, type FieldValue, type RequestField, type Spec } from './types.ts';
import type { YamlSource } from '../user-file/yaml-source.ts';

/** Rules between parts of a spec that a JSON Schema cannot express. */
export function checkConsistency(source: YamlSource, spec: Spec): FileProblem[] {
  const problems: FileProblem[] = [];
  const report = (path: readonly string[], message: string, fix: string) =>
    problems.push({ file: source.file, ...source.locate(path), message, fix });

  const firstSeen = new Map<string, readonly string[]>();
  for (const citation of citationsOf(spec)) {
    const earlier = firstSeen.get(citation.clause);
    if (earlier === undefined) firstSeen.set(citation.clause, citation.path);
    else {
      const { line } = source.locate(earlier);
      report([...citation.path, 'clause'], `clause id "${citation.clause}" is already used at line ${line}`, 'give every rule a clause id of its own');
    }
  }

  for (const role of ['function', 'event-source'] as const) {
    const naming = Object.keys(spec.request).filter((name) => spec.request[name]?.names === role);
    if (naming.length !== 1)
      report(['request'], `${naming.length === 0 ? 'no' : naming.length} request fields have "names: ${role}"`, `mark exactly one field (the one that names the ${role === 'function' ? 'function' : 'event source'}) with names: ${role}`);
  }

  for (const [path, outcome] of namedOutcomes(spec, [])) {
    if (spec.outcomes[outcome] === undefined) report(path, `"${outcome}" is not an entry of outcomes`, `use one of: ${Object.keys(spec.outcomes).join(', ')}, or add it under outcomes`);
  }

  const fields = Object.keys(spec.request);
  const knownField = (field: string, path: readonly string[]) => {
    if (!fields.includes(field)) report(path, `"${field}" is not a request field`, `use one of: ${fields.join(', ')}`);
  };
  const knownQuestion = (key: string | undefined, path: readonly string[]) => {
    if (key !== undefined && spec.unspecified[key] === undefined)
      report(path, `"${key}" is not an entry of unspecified`, `use one of: ${Object.keys(spec.unspecified).join(', ')}, or add it under unspecified`);
  };
  spec.rules.forEach((rule, index) => {
    const at = ['rules', String(index)];
    knownField(rule.field, [...at, 'field']);
    if (rule.kind === 'required-when') {
      knownField(rule.when.field, [...at, 'when', 'field']);
      knownQuestion(rule.otherwise, [...at, 'otherwise']);
      knownQuestion(rule.unsettled, [...at, 'unsettled']);
      if ('above' in rule.when && spec.request[rule.when.field] !== undefined && spec.request[rule.when.field]?.type.is !== 'integer')
        report([...at, 'when', 'above'], `${rule.when.field} is not an integer field`, 'use equals for a field that is not a number');
      const range = spec.request[rule.field]?.range;
      if (rule.atLeast !== undefined && (range === undefined || rule.atLeast <= range.minimum || rule.atLeast > range.maximum))
        report([...at, 'atLeast'], `atLeast ${rule.atLeast} must lie above the minimum and within the range of ${rule.field}`, `give ${rule.field} a range that atLeast narrows`);
    }
    if (rule.kind === 'required-for-source-types') knownQuestion(rule.elsewhere, [...at, 'elsewhere']);
    if (rule.kind === 'value-only-for-source-types') {
      const values = spec.request[rule.field]?.values?.enum;
      if (values !== undefined && !values.includes(rule.value))
        report([...at, 'value'], `"${rule.value}" is not a documented value of ${rule.field}`, `use one of: ${values.join(', ')}`);
    }
  });

  for (const [name, field] of Object.entries(spec.request)) {
    checkField(name, field, report);
    field.samples?.forEach((sample, index) => {
      const at = ['request', name, 'samples', String(index)];
      knownQuestion(sample.open, [...at, 'open']);
      if (sample.open !== undefined && sample.refused === true)
        report([...at, 'open'], `sample "${sample.variant}" is both refused and open`, 'keep refused: true for a refusal the sources settle, or open: NAME for an outcome they leave open, not both');
      for (const member of Object.keys(sample.with ?? {})) knownField(member, [...at, 'with', member]);
    });
  }
  for (const [path, sourceType] of namedSourceTypes(spec, [])) {
    if (spec.sourceTypes[sourceType as keyof Spec['sourceTypes']] === undefined)
      report(path, `"${sourceType}" is not a source type of this edition`, `use one of: ${sourceTypesOf(spec).join(', ')}, or add it under sourceTypes`);
  }
  return problems;
}

type Report = (path: readonly string[], message: string, fix: string) => void;

function checkField(name: string, field: RequestField, report: Report): void {
  const { range, perSourceType, length, nameLength, appliesTo, meaning } = field;
  const at = ['request', name];
  const ofType = (value: FieldValue) => {
    switch (field.type.is) {
      case 'integer':
      case 'timestamp':
        return typeof value === 'number';
      case 'list':
        return Array.isArray(value);
      case 'object':
        return typeof value === 'object' && !Array.isArray(value);
      default:
        return typeof value === field.type.is;
    }
  };
  const inRange = (value: number, low = range?.minimum ?? -Infinity, high = range?.maximum ?? Infinity) => value >= low && value <= high;
  if (field.default !== undefined) {
    const value = field.default.value;
    if (!ofType(value) || (typeof value === 'number' && !inRange(value)))
      report([...at, 'default', 'value'], `the default ${JSON.stringify(value)} is not a valid ${name}`, `give a ${field.type.is} the field accepts`);
  }
  for (const [sourceType, limits] of Object.entries(perSourceType ?? {})) {
    const here = [...at, 'perSourceType', sourceType];
    if (appliesTo !== undefined && !appliesTo.sourceTypes.includes(sourceType as never))
      report(here, `${name} does not apply to ${sourceType} (appliesTo), yet has limits there`, `remove them or add ${sourceType} to appliesTo`);
    if (range !== undefined && limits.maximum !== undefined && limits.maximum > range.maximum)
      report([...here, 'maximum'], `the ${sourceType} maximum ${limits.maximum} exceeds the field's range maximum ${range.maximum}`, 'lower it or widen the range');
    if (range !== undefined && limits.minimum !== undefined && limits.minimum < range.minimum)
      report([...here, 'minimum'], `the ${sourceType} minimum ${limits.minimum} lies below the field's range minimum ${range.minimum}`, 'raise it or widen the range');
    const low = limits.minimum ?? range?.minimum;
    const high = limits.maximum ?? range?.maximum;
    if (limits.default !== undefined && (!ofType(limits.default) || (typeof limits.default === 'number' && !inRange(limits.default, low, high))))
      report([...here, 'default'], `the ${sourceType} default ${JSON.stringify(limits.default)} lies outside its allowed values`, 'make the default a value the source accepts');
  }
  for (const [rangeName, limits] of [['range', range], ['length', length]] as const) {
    if (limits !== undefined && limits.minimum > limits.maximum)
      report([...at, rangeName, 'minimum'], `minimum ${limits.minimum} is greater than maximum ${limits.maximum}`, 'swap or correct the bounds');
  }
  if (range !== undefined && field.type.is !== 'integer') report([...at, 'range'], `a range is for integer fields; ${name} is ${field.type.is}`, 'use length for a string');
  if (nameLength !== undefined && length !== undefined && nameLength.maximum > length.maximum)
    report([...at, 'nameLength', 'maximum'], 'the name-only maximum exceeds the full length maximum', 'lower it');
  const domain = field.values?.enum ?? (field.type.is === 'boolean' ? ['true', 'false'] : []);
  for (const value of Object.keys(meaning?.contraryStates ?? {})) {
    if (!domain.includes(value)) report([...at, 'meaning', 'contraryStates', value], `"${value}" is not a value of ${name}`, `use one of: ${domain.join(', ') || '(none: the field has no finite set of values)'}`);
  }
}

/** Every source type the spec names (in a `sourceTypes:` list or as a `perSourceType:` key), with where it stands. */
function namedSourceTypes(value: unknown, path: readonly string[]): Array<readonly [readonly string[], string]> {
  if (typeof value !== 'object' || value === null || path[0] === 'sourceTypes') return [];
  return Object.entries(value).flatMap(([key, child]): Array<readonly [readonly string[], string]> => {
    if (key === 'sourceTypes' && Array.isArray(child)) return child.map((name, index) => [[...path, key, String(index)], String(name)] as const);
    if (key === 'perSourceType' && typeof child === 'object' && child !== null) return Object.keys(child).map((name) => [[...path, key, name], name] as const);
    return namedSourceTypes(child, [...path, key]);
  });
}

/** Every `outcome:` the spec names, with where it stands. */
function namedOutcomes(value: unknown, path: readonly string[]): Array<readonly [readonly string[], string]> {
  if (typeof value !== 'object' || value === null) return [];
  if (path[0] === 'outcomes' || path[0] === 'unspecified') return [];
  return Object.entries(value).flatMap(([key, child]) =>
    key === 'outcome' && typeof child === 'string' ? [[[...path, key], child] as const] : namedOutcomes(child, [...path, key]),
  );
}
