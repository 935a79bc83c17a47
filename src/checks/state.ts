import type { Case } from '../cases/case.ts';
import { isJsonObject } from '../json-object.ts';
import { defineResponseCheck } from './response-check.ts';
import { oneOfPattern } from './regex.ts';
import { show } from './show.ts';
import { ofSuccess } from './wording.ts';

/** A mapping created with a value is not answered in a State the documentation calls contrary to it (created disabled, not `Enabled`). */
export interface StateCheck {
  readonly kind: 'state_conformance';
  readonly clause: string;
  readonly notIn: readonly string[];
}

export const state = defineResponseCheck<StateCheck>({
  name: 'state_conformance',
  level: 3,
  wording: { prefix: 'state', headline: ofSuccess('gives a State the documentation does not allow') },
  // Each field sent with a value the spec's `meaning.contraryStates` names.
  attach: {
    toAnswer: ({ spec, body }) =>
      Object.entries(spec.request).flatMap(([name, field]): StateCheck[] => {
        const notIn = name in body ? field.meaning?.contraryStates?.[String(body[name])] : undefined;
        return notIn === undefined || field.meaning === undefined ? [] : [{ kind: 'state_conformance', clause: field.meaning.clause, notIn }];
      }),
  },
  judge: {
    body: (check, { body }) =>
      typeof body['State'] === 'string' && check.notIn.includes(body['State'])
        ? [{ message: `State ${show(body['State'])} contradicts the request (not one of ${check.notIn.join(', ')} expected)` }]
        : [],
  },
  pact: {
    express: (check, draft) => {
      const values = documentedStates(check, draft.testCase).filter((value) => !check.notIn.includes(value));
      if (values.length === 0) return;
      draft.members.set('State', { example: values[0] ?? '', matchers: [{ match: 'regex', regex: oneOfPattern(values) }] });
    },
    explains: (mismatch) => mismatch.path === '$.State',
  },
});

/** The States the case's response schema allows, else those the check rules out. */
function documentedStates(check: StateCheck, testCase: Case): string[] {
  const schema = testCase.expected.checks.find((candidate) => candidate.kind === 'response_schema_conformance');
  const properties = schema?.kind === 'response_schema_conformance' ? schema.schema['properties'] : undefined;
  const stateProperty = isJsonObject(properties) ? properties['State'] : undefined;
  const values = isJsonObject(stateProperty) ? stateProperty['enum'] : undefined;
  return Array.isArray(values) ? values.filter((value): value is string => typeof value === 'string') : [...check.notIn];
}
