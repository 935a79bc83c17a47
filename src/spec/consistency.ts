import { citationsOf } from './citations.ts';
import type { FileProblem } from '../user-file/file-problem.ts';
import type { Spec } from './types.ts';
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

  const fields = Object.keys(spec.request);
  const knownField = (field: string, path: readonly string[]) => {
    if (!fields.includes(field)) report(path, `"${field}" is not a request field`, `use one of: ${fields.join(', ')}`);
  };
  spec.rules.forEach((rule, index) => {
    const at = ['rules', String(index)];
    knownField(rule.field, [...at, 'field']);
    if (rule.kind === 'required-when') knownField(rule.when.field, [...at, 'when', 'field']);
    if (rule.kind === 'value-only-for-source-types') {
      const values = spec.request[rule.field as keyof Spec['request']]?.values?.enum;
      if (values !== undefined && !values.includes(rule.value))
        report([...at, 'value'], `"${rule.value}" is not a documented value of ${rule.field}`, `use one of: ${values.join(', ')}`);
    }
  });

  for (const [name, field] of Object.entries(spec.request)) {
    const { range, perSourceType, length, nameLength } = field;
    for (const [sourceType, limits] of Object.entries(perSourceType ?? {})) {
      const at = ['request', name, 'perSourceType', sourceType];
      if (range !== undefined && limits.maximum > range.maximum)
        report([...at, 'maximum'], `the ${sourceType} maximum ${limits.maximum} exceeds the field's range maximum ${range.maximum}`, 'lower it or widen the range');
      if (limits.default > limits.maximum || (range !== undefined && limits.default < range.minimum))
        report([...at, 'default'], `the ${sourceType} default ${limits.default} lies outside its allowed values`, 'make the default a value the source accepts');
    }
    for (const [rangeName, limits] of [['range', range], ['length', length]] as const) {
      if (limits !== undefined && limits.minimum > limits.maximum)
        report(['request', name, rangeName, 'minimum'], `minimum ${limits.minimum} is greater than maximum ${limits.maximum}`, 'swap or correct the bounds');
    }
    if (nameLength !== undefined && length !== undefined && nameLength.maximum > length.maximum)
      report(['request', name, 'nameLength', 'maximum'], 'the name-only maximum exceeds the full length maximum', 'lower it');
  }
  return problems;
}
