import { sourceTypes, type CrossFieldRule, type SourceType, type Spec } from '../../spec/types.ts';
import type { Case, JsonObject } from '../case.ts';
import { allowedValues, jsonRequest, makeCase, sourceTitle, validBody } from '../build.ts';
import { acceptance, openQuestion, refusal } from '../outcomes.ts';
import { successChecks } from '../success-checks.ts';

/** A moment safely in the past (2019-01-01T00:00:00Z), in Unix seconds as documented. */
export const pastTimestamp = 1546300800;
const undocumentedPosition = 'EARLIEST';

type Rule<K extends CrossFieldRule['kind']> = Extract<CrossFieldRule, { kind: K }>;

/** StartingPosition and StartingPositionTimestamp: every value per source and every rule between them. */
export function startingPositionCases(spec: Spec): Case[] {
  const field = spec.request.StartingPosition;
  const values = field.values;
  const requiredFor = findRule(spec, 'required-for-source-types', 'StartingPosition');
  const timestampRule = findRule(spec, 'required-when', 'StartingPositionTimestamp');
  if (values === undefined || requiredFor === undefined || timestampRule === undefined) return [];
  const timestampValue = timestampRule.when.equals;
  const withPosition = (sourceType: SourceType, position: string): JsonObject => ({
    ...validBody(spec, sourceType),
    StartingPosition: position,
    ...(position === timestampValue && { StartingPositionTimestamp: pastTimestamp }),
  });

  const perValue = sourceTypes.flatMap((sourceType) =>
    values.enum.map((position) => {
      const body = withPosition(sourceType, position);
      const common = { id: `StartingPosition/${sourceType}/${position}`, sourceType, request: jsonRequest(spec, body) };
      const subject = `StartingPosition ${position} on ${sourceTitle(spec, sourceType)}`;
      const forbidding = findValueRule(spec, position, sourceType);
      if (forbidding !== undefined) {
        return makeCase(spec, { ...common, clause: forbidding.clause, doc: forbidding.doc, subject, expected: refusal(spec, 'ruleViolation') });
      }
      if (!requiredFor.sourceTypes.includes(sourceType)) {
        const question = spec.unspecified.startingPositionOnQueue;
        return makeCase(spec, {
          ...common,
          clause: question.clause,
          doc: question.doc,
          subject,
          expected: openQuestion(spec, 'startingPositionOnQueue', successChecks(spec, sourceType, body)),
        });
      }
      return makeCase(spec, {
        ...common,
        clause: values.clause,
        doc: values.doc,
        subject,
        expected: acceptance(spec, `${position} is a documented value allowed for this source.`, successChecks(spec, sourceType, body)),
      });
    }),
  );

  const missing = requiredFor.sourceTypes.map((sourceType) => {
    const { StartingPosition: _omitted, ...body } = validBody(spec, sourceType);
    return makeCase(spec, {
      id: `StartingPosition/${sourceType}/missing`,
      clause: requiredFor.clause,
      doc: requiredFor.doc,
      sourceType,
      subject: `StartingPosition missing on ${sourceTitle(spec, sourceType)}`,
      request: jsonRequest(spec, body),
      expected: refusal(spec, 'ruleViolation'),
    });
  });

  const undocumented = sourceTypes.map((sourceType) =>
    makeCase(spec, {
      id: `StartingPosition/${sourceType}/${undocumentedPosition}`,
      clause: values.clause,
      doc: values.doc,
      sourceType,
      subject: `StartingPosition ${undocumentedPosition}, not a documented value, on ${sourceTitle(spec, sourceType)}`,
      request: jsonRequest(spec, { ...validBody(spec, sourceType), StartingPosition: undocumentedPosition }),
      expected: refusal(spec, 'constraintViolation'),
    }),
  );

  const timestampSources = sourceTypes.filter((sourceType) => allowedValues(spec, 'StartingPosition', sourceType).includes(timestampValue));
  const withoutTimestamp = timestampSources.map((sourceType) => {
    const { StartingPositionTimestamp: _omitted, ...body } = withPosition(sourceType, timestampValue);
    return makeCase(spec, {
      id: `StartingPositionTimestamp/${sourceType}/missing-with-${timestampValue}`,
      clause: timestampRule.clause,
      doc: timestampRule.doc,
      sourceType,
      subject: `StartingPosition ${timestampValue} without StartingPositionTimestamp on ${sourceTitle(spec, sourceType)}`,
      request: jsonRequest(spec, body),
      expected: refusal(spec, 'ruleViolation'),
    });
  });

  const question = spec.unspecified.timestampWithoutAtTimestamp;
  const timestampAlone = requiredFor.sourceTypes.map((sourceType) => {
    const body: JsonObject = { ...validBody(spec, sourceType), StartingPositionTimestamp: pastTimestamp };
    return makeCase(spec, {
      id: `StartingPositionTimestamp/${sourceType}/without-${timestampValue}`,
      clause: question.clause,
      doc: question.doc,
      sourceType,
      subject: `StartingPositionTimestamp with StartingPosition ${String(body['StartingPosition'])} on ${sourceTitle(spec, sourceType)}`,
      request: jsonRequest(spec, body),
      expected: openQuestion(spec, 'timestampWithoutAtTimestamp', successChecks(spec, sourceType, body)),
    });
  });

  return [...perValue, ...missing, ...undocumented, ...withoutTimestamp, ...timestampAlone];
}

function findRule<K extends CrossFieldRule['kind']>(spec: Spec, kind: K, field: string): Rule<K> | undefined {
  return spec.rules.find((rule): rule is Rule<K> => rule.kind === kind && rule.field === field);
}

function findValueRule(spec: Spec, value: string, sourceType: SourceType): Rule<'value-only-for-source-types'> | undefined {
  return spec.rules.find(
    (rule): rule is Rule<'value-only-for-source-types'> =>
      rule.kind === 'value-only-for-source-types' && rule.field === 'StartingPosition' && rule.value === value && !rule.sourceTypes.includes(sourceType),
  );
}
