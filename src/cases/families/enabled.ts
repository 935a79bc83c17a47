import { sourceTypes, type Spec } from '../../spec/types.ts';
import type { Case } from '../case.ts';
import { jsonRequest, makeCase, sourceTitle, validBody } from '../build.ts';
import { acceptance } from '../outcomes.ts';
import { successChecks } from '../success-checks.ts';

/** Enabled true and false: both accepted, and a disabled mapping never reports itself enabled (nor the reverse). */
export function enabledCases(spec: Spec): Case[] {
  const meaning = spec.request.Enabled.meaning;
  if (meaning === undefined) return [];
  return sourceTypes.flatMap((sourceType) =>
    [true, false].map((enabled) => {
      const body = { ...validBody(spec, sourceType), Enabled: enabled };
      const contrary = enabled ? ['Disabling', 'Disabled'] : ['Enabling', 'Enabled'];
      return makeCase(spec, {
        id: `Enabled/${sourceType}/${enabled}`,
        clause: meaning.clause,
        doc: meaning.doc,
        sourceType,
        subject: `Enabled ${enabled} on ${sourceTitle(spec, sourceType)}`,
        request: jsonRequest(spec, body),
        expected: acceptance(spec, `A mapping created with Enabled ${enabled} is accepted and is not in state ${contrary.join(' or ')}.`, [
          ...successChecks(spec, sourceType, body),
          { kind: 'state_conformance', clause: meaning.clause, notIn: contrary },
        ]),
      });
    }),
  );
}
