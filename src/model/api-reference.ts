// The API reference of CreateEventSourceMapping as the model says it: the part of
// specs/documents/aws-lambda-create-event-source-mapping-current.txt above the recorded answers,
// which scripts/extract-current-documentation.ts writes and drift compares with the model given.
import { documentationText } from './documentation-text.ts';
import { operationOf, shapeOf, structureMembers, type Facets, type ModelMember, type ServiceModel } from './service-model.ts';

export const OPERATION = 'CreateEventSourceMapping';

/** Where the recorded answers, copied by hand, start: the extraction keeps everything from here on. */
export const RECORDED_HEADING = '== Recorded answers of real AWS (source C) and hints (source B) ==';

/** The shapes inside the request's members whose documentation the current edition quotes. */
const NESTED_SHAPES = [
  'FilterCriteria', 'Filter', 'Pattern', 'DestinationConfig', 'OnFailure', 'OnSuccess', 'DestinationArn', 'ScalingConfig',
  'MaximumConcurrency', 'FunctionResponseType', 'FunctionResponseTypeList', 'EventSourceMappingArn', 'FunctionArn',
  'EventSourceMappingMetricsConfig', 'EventSourceMappingMetric', 'ProvisionedPollerConfig',
];

const TYPE_WORDS: Readonly<Record<string, string>> = {
  structure: 'Object', list: 'Array', boolean: 'Boolean', integer: 'Integer', long: 'Integer', string: 'String', timestamp: 'Timestamp', map: 'Map',
};

/** The document's first lines: what it is and where its text comes from (`source`: "botocore 1.43.11"). */
export function referenceHeader(model: ServiceModel, source: string): string[] {
  return [
    'AWS Lambda CreateEventSourceMapping, as documented today.',
    '',
    `Source A: AWS's service model for Lambda (API version ${model.apiVersion}), as shipped in ${source}`,
    "(data/lambda/2015-03-31/service-2.json.gz): its documentation strings are today's API reference. Written by",
    'scripts/extract-current-documentation.ts: tags dropped; each shape\'s constraints (min, max, enum, pattern, required)',
    'spelt as the API reference spells them. Below RECORDED: the recorded answers of real AWS (source C) and hints',
    '(source B), copied by hand from ../shared/docs/aws-current-behaviour.md and the public records it names, each with its source.',
    '',
  ];
}

/** The sections of the API reference, each headed `== … ==`, as lines. */
export function referenceSections(model: ServiceModel): string[] {
  const operation = operationOf(model, OPERATION);
  const lines = [
    `== ${OPERATION} (source A) ==`,
    documentationText(operation.documentation),
    `${operation.method} ${operation.requestUri} HTTP/1.1 Content-type: application/json`,
    `If the action is successful, the service sends back an HTTP ${operation.responseCode} response.`,
    `Errors: ${operation.errors.join(', ')}`,
    '',
    '== Request members (source A) ==',
    ...memberLines(structureMembers(model, operation.input, `${OPERATION}'s input`), true),
    '',
    '== Shapes inside request members (source A) ==',
  ];
  for (const name of NESTED_SHAPES) {
    const shape = model.shapes.get(name);
    if (shape === undefined) continue;
    lines.push(`${name}: ${documentationText(shape.documentation)}`.replace(/[: ]+$/, ''));
    lines.push(...constraintLines(shape.facets, null).map(indented), ...memberLines(shape.members, false).map(indented));
  }
  lines.push('', '== Response members (source A) ==');
  lines.push(...memberLines(structureMembers(model, operation.output, `${OPERATION}'s output`), false));
  lines.push('', '== Errors (source A) ==');
  for (const error of operation.errors) {
    const shape = shapeOf(model, error, `${OPERATION}'s errors`);
    lines.push(`${error} (HTTP ${shape.httpStatus ?? '?'}): ${documentationText(shape.documentation)}`);
  }
  return lines;
}

/** The whole document: the header, the sections, then the recorded answers kept as they were (`recorded`, from its heading on). */
export function referenceDocument(model: ServiceModel, source: string, recorded: string): string {
  return `${[...referenceHeader(model, source), ...referenceSections(model)].join('\n')}\n\n${recorded === '' ? `${RECORDED_HEADING}\n` : recorded}`;
}

function indented(line: string): string {
  return `  ${line}`;
}

/** Each member: its name, its documentation, its constraints; `Required:` only for the request's own members. */
function memberLines(members: readonly ModelMember[], sayRequired: boolean): string[] {
  return members.flatMap((member) => [
    member.name,
    indented(documentationText(member.documentation)),
    ...constraintLines(member.facets, sayRequired ? member.required : null).map(indented),
  ]);
}

/** A shape's facets in the API reference's wording. */
function constraintLines(facets: Facets, required: boolean | null): string[] {
  const lines = [`Type: ${TYPE_WORDS[facets.type] ?? facets.type}`];
  if (facets.min !== undefined || facets.max !== undefined) lines.push(boundsLine(facets));
  if (facets.enum !== undefined) lines.push(`Valid Values: ${facets.enum.join(' | ')}`);
  if (facets.pattern !== undefined) lines.push(`Pattern: ${facets.pattern}`);
  if (required !== null) lines.push(`Required: ${required ? 'Yes' : 'No'}`);
  return lines;
}

function boundsLine({ type, min, max }: Facets): string {
  if (type === 'integer' || type === 'long') {
    return ['Valid Range:', min === undefined ? '' : ` Minimum value of ${min}.`, max === undefined ? '' : ` Maximum value of ${max}.`].join('');
  }
  const [noun, unit] = type === 'list' ? ['Array Members', ['number of', ' items']] : ['Length Constraints', ['length of', '']];
  return `${noun}: Minimum ${unit[0]} ${min ?? 0}${unit[1]}.${max === undefined ? '' : ` Maximum ${unit[0]} ${max}${unit[1]}.`}`;
}
