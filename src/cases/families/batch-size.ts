import { sourceTypes, type Spec } from '../../spec/types.ts';
import type { Case } from '../case.ts';
import { makeCase, jsonRequest, sourceTitle, validBody } from '../build.ts';
import { acceptance, refusal } from '../outcomes.ts';
import { successChecks } from '../success-checks.ts';

/** The probes every source type gets, besides its own boundaries. */
const commonProbes = [0, 1, 10, 11, 1000, 10001];

/** BatchSize at the documented range and at each source's own maximum, and its default. */
export function batchSizeCases(spec: Spec): Case[] {
  const field = spec.request.BatchSize;
  const range = field.range;
  if (range === undefined || field.perSourceType === undefined) return [];
  return sourceTypes.flatMap((sourceType) => {
    const own = field.perSourceType![sourceType];
    const title = sourceTitle(spec, sourceType);
    const probes = [...new Set([...commonProbes, range.minimum - 1, range.minimum, own.maximum, own.maximum + 1])].sort((a, b) => a - b);
    const probeCases = probes.map((size) => {
      const body = { ...validBody(spec, sourceType), BatchSize: size };
      const common = { id: `BatchSize/${sourceType}/${size}`, sourceType, request: jsonRequest(spec, body) };
      if (size < range.minimum || size > range.maximum) {
        return makeCase(spec, {
          ...common,
          clause: range.clause,
          doc: range.doc,
          subject: `BatchSize ${size} on ${title}, outside the documented range ${range.minimum}–${range.maximum}`,
          expected: refusal(spec, 'constraintViolation'),
        });
      }
      if (size > own.maximum) {
        return makeCase(spec, {
          ...common,
          clause: own.clause,
          doc: own.doc,
          subject: `BatchSize ${size} on ${title}, above its maximum of ${own.maximum}`,
          expected: refusal(spec, 'ruleViolation'),
        });
      }
      const decisive = size === own.maximum ? own : range;
      return makeCase(spec, {
        ...common,
        clause: decisive.clause,
        doc: decisive.doc,
        subject: `BatchSize ${size} on ${title}, within its limits`,
        expected: acceptance(spec, `${size} lies within ${range.minimum}–${own.maximum} for ${title}.`, successChecks(spec, sourceType, body)),
      });
    });
    const body = validBody(spec, sourceType);
    const omitted = makeCase(spec, {
      id: `BatchSize/${sourceType}/omitted`,
      clause: own.clause,
      doc: own.doc,
      sourceType,
      subject: `BatchSize omitted on ${title}: the default ${own.default} is applied`,
      request: jsonRequest(spec, body),
      expected: acceptance(spec, `The documented default for ${title} is ${own.default}.`, successChecks(spec, sourceType, body)),
    });
    return [...probeCases, omitted];
  });
}
