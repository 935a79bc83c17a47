import type { SourceType, Spec } from '../../spec/types.ts';
import type { Case } from '../case.ts';
import { jsonRequest, makeCase } from '../build.ts';
import { validBody } from '../request-body.ts';
import { openQuestion } from '../outcomes.ts';
import { successChecks } from '../success-checks.ts';

const sourceType: SourceType = 'sqs';

/** The body as a whole: unknown members, bodies that are not a JSON object, content types. */
export function bodyCases(spec: Spec): Case[] {
  const body = validBody(spec, sourceType);
  const json = JSON.stringify(body);
  const unknown = spec.unspecified.unknownField;
  const unreadable = spec.unspecified.unreadableBody;
  const contentType = spec.unspecified.contentType;

  const withUnknown = { ...body, LambdaEsmConformanceUnknownMember: 'x' };
  const unknownCase = makeCase(spec, {
    id: 'Body/unknown-field',
    clause: unknown.clause,
    doc: unknown.doc,
    sourceType,
    subject: 'An undocumented member LambdaEsmConformanceUnknownMember beside a valid request',
    request: jsonRequest(spec, withUnknown),
    expected: openQuestion(spec, 'unknownField', successChecks(spec, sourceType, withUnknown)),
  });

  const unreadableCases = [
    ['malformed-json', json.slice(0, -12), 'A truncated JSON body'],
    ['empty', '', 'An empty body'],
    ['json-array', `[${json}]`, 'A JSON array instead of an object'],
    ['json-string', JSON.stringify(json), 'A JSON string instead of an object'],
  ].map(([variant = '', raw = '', subject = '']) =>
    makeCase(spec, {
      id: `Body/${variant}`,
      clause: unreadable.clause,
      doc: unreadable.doc,
      sourceType,
      subject,
      request: jsonRequest(spec, raw),
      expected: openQuestion(spec, 'unreadableBody'),
    }),
  );

  const contentTypeCases = [
    ['text-plain', 'text/plain', 'A valid JSON body sent as text/plain'],
    ['form-urlencoded', 'application/x-www-form-urlencoded', 'A valid JSON body sent as application/x-www-form-urlencoded'],
    ['absent', null, 'A valid JSON body sent without a Content-Type'],
  ].map(([variant, type, subject]) =>
    makeCase(spec, {
      id: `Body/content-type/${variant}`,
      clause: contentType.clause,
      doc: contentType.doc,
      sourceType,
      subject: subject ?? '',
      request: jsonRequest(spec, body, type ?? null),
      expected: openQuestion(spec, 'contentType', successChecks(spec, sourceType, body)),
    }),
  );

  return [unknownCase, ...unreadableCases, ...contentTypeCases];
}
