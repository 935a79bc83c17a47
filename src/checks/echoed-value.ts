import { isJsonObject, sameJson } from '../json-object.ts';
import type { JsonValue } from '../cases/case.ts';
import { defineResponseCheck } from './response-check.ts';
import { show } from './show.ts';
import { ofSuccess } from './wording.ts';

/** A member the request set is answered with the value sent. */
export interface EchoedValueCheck {
  readonly kind: 'echoed_value_conformance';
  readonly clause: string;
  readonly field: string;
}

export const echoedValue = defineResponseCheck<EchoedValueCheck>({
  name: 'echoed_value_conformance',
  level: 3,
  wording: { prefix: 'echo', headline: ofSuccess('does not echo a value the request set') },
  attach: { toEachMember: (member, { body }) => (member.name in body ? { kind: 'echoed_value_conformance', clause: member.clause, field: member.name } : undefined) },
  judge: {
    body: (check, { body, sent }) =>
      sameJson(body[check.field], sent[check.field]) ? [] : [{ message: `${check.field} should echo the request's ${show(sent[check.field])}, got ${show(body[check.field])}` }],
  },
  pact: {
    express: (check, draft) => {
      const requestBody = draft.testCase.request.body;
      const sent = isJsonObject<JsonValue>(requestBody) ? requestBody[check.field] : undefined;
      if (sent === undefined) return;
      if (!(typeof sent === 'string' && sent.includes('{{'))) {
        draft.members.set(check.field, { example: sent, matchers: [] });
        return;
      }
      // A value the target provisions differs from target to target: its form is matched, and its source's service.
      const member = draft.members.get(check.field) ?? { example: draft.example(check.field), matchers: [] };
      const service = draft.sourceArnExample?.split(':')[2];
      if (service !== undefined && check.field === 'EventSourceArn') member.matchers.push({ match: 'regex', regex: `^arn:[^:]*:${service}:.*$` });
      draft.members.set(check.field, member);
    },
  },
});
