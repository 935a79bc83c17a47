import type { RequestField, Spec } from '../../spec/types.ts';
import type { Case } from '../case.ts';
import { jsonRequest, makeCase, sourceTitle } from '../build.ts';
import { defaultOn, sourcesOf } from '../fields.ts';
import { acceptance } from '../outcomes.ts';
import { validBody } from '../request-body.ts';
import { successChecks } from '../success-checks.ts';

/** A field left out on each source it has a documented default for: the default is applied and answered. */
export function defaultCases(spec: Spec, name: string, field: RequestField): Case[] {
  return sourcesOf(spec, field).flatMap((sourceType) => {
    const fallback = defaultOn(field, sourceType);
    const body = validBody(spec, sourceType);
    if (fallback === undefined || name in body) return [];
    const title = sourceTitle(spec, sourceType);
    const value = JSON.stringify(fallback.value);
    return [
      makeCase(spec, {
        id: `${name}/${sourceType}/omitted`,
        clause: fallback.clause,
        doc: fallback.doc,
        sourceType,
        subject: `${name} omitted on ${title}: the default ${value} is applied`,
        request: jsonRequest(spec, body),
        expected: acceptance(spec, `The documented default for ${title} is ${value}.`, successChecks(spec, sourceType, body)),
      }),
    ];
  });
}
