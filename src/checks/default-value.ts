import type { JsonValue } from '../cases/case.ts';
import { defineResponseCheck } from './response-check.ts';
import { sameJson } from '../json-object.ts';
import { show } from './show.ts';
import { ofSuccess } from './wording.ts';

/** A member the request left out is answered with its documented default. */
export interface DefaultValueCheck {
  readonly kind: 'default_value_conformance';
  readonly clause: string;
  readonly field: string;
  readonly value: JsonValue;
}

export const defaultValue = defineResponseCheck<DefaultValueCheck>({
  name: 'default_value_conformance',
  level: 3,
  wording: { prefix: 'default', headline: ofSuccess('does not give an omitted field its documented default') },
  attach: {
    toEachMember: ({ name, fallback }, { body }) =>
      name in body || fallback === undefined ? undefined : { kind: 'default_value_conformance', clause: fallback.clause, field: name, value: fallback.value },
  },
  judge: {
    body: (check, { body }) =>
      sameJson(body[check.field], check.value)
        ? []
        : [{ message: `${check.field} was omitted, so the documented default ${show(check.value)} should apply, got ${show(body[check.field])}` }],
  },
  pact: {
    express: (check, draft) => {
      draft.members.set(check.field, { example: check.value, matchers: [] });
    },
  },
});
