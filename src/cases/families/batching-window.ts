import { sourceTypes, type Spec } from '../../spec/types.ts';
import type { Case } from '../case.ts';
import { jsonRequest, makeCase, sourceTitle, validBody } from '../build.ts';
import { acceptance, refusal } from '../outcomes.ts';
import { successChecks } from '../success-checks.ts';

/** MaximumBatchingWindowInSeconds at and beyond both ends of its range, on every source type. */
export function batchingWindowCases(spec: Spec): Case[] {
  const range = spec.request.MaximumBatchingWindowInSeconds.range;
  if (range === undefined) return [];
  const probes = [range.minimum - 1, range.minimum, range.maximum, range.maximum + 1];
  return sourceTypes.flatMap((sourceType) =>
    probes.map((seconds) => {
      const body = { ...validBody(spec, sourceType), MaximumBatchingWindowInSeconds: seconds };
      const inRange = seconds >= range.minimum && seconds <= range.maximum;
      return makeCase(spec, {
        id: `MaximumBatchingWindowInSeconds/${sourceType}/${seconds}`,
        clause: range.clause,
        doc: range.doc,
        sourceType,
        subject: `MaximumBatchingWindowInSeconds ${seconds} on ${sourceTitle(spec, sourceType)}, ${inRange ? 'within' : 'outside'} ${range.minimum}–${range.maximum}`,
        request: jsonRequest(spec, body),
        expected: inRange
          ? acceptance(spec, `${seconds} lies within the documented range.`, successChecks(spec, sourceType, body))
          : refusal(spec, 'constraintViolation'),
      });
    }),
  );
}
