import { CHECKS } from '../checks/index.ts';
import type { AnsweredMember, ExpectedSuccess } from '../checks/response-check.ts';
import type { FunctionNameForm, SourceType, Spec } from '../spec/types.ts';
import type { JsonObject, ResponseCheck } from './case.ts';
import { defaultOn, fieldNaming, isAnswered, sourcesOf } from './fields.ts';

const SUCCESS_CHECKS = CHECKS.filter((check) => 'attach' in check);
const FIRST_MEMBER_CHECK = SUCCESS_CHECKS.find(({ attach }) => 'toEachMember' in attach);
const ATTACH_TO_EACH_MEMBER = SUCCESS_CHECKS.flatMap(({ attach }) => ('toEachMember' in attach ? [attach.toEachMember] : []));

/**
 * What a success answer to `body` must show: the checks of CHECKS (src/checks/index.ts) that attach
 * to it, in that order, each deciding from the spec which it carries and the clause each cites.
 */
export function successChecks(spec: Spec, sourceType: SourceType, body: JsonObject, form: FunctionNameForm = 'name'): ResponseCheck[] {
  const answer: ExpectedSuccess = { spec, sourceType, body, form };
  return SUCCESS_CHECKS.flatMap((check): ResponseCheck[] => {
    const { attach } = check;
    if ('toAnswer' in attach) return attach.toAnswer(answer);
    if (check !== FIRST_MEMBER_CHECK) return [];
    return answeredMembers(answer).flatMap((member) => ATTACH_TO_EACH_MEMBER.flatMap((attachTo) => attachTo(member, answer) ?? []));
  });
}

/** The members of the request a success answer on the case's source carries again, whether sent or left out. */
function answeredMembers({ spec, sourceType }: ExpectedSuccess): AnsweredMember[] {
  const members = Object.entries(spec.request)
    .filter(([name, field]) => field.names === undefined && isAnswered(spec, name, field) && sourcesOf(spec, field).includes(sourceType))
    .map(([name, field]) => ({ name, clause: field.range?.clause ?? field.type.clause, fallback: defaultOn(field, sourceType) }));
  const source = spec.sourceTypes[sourceType];
  return source === undefined ? members : [...members, { name: fieldNaming(spec, 'event-source'), clause: source.arn.clause, fallback: undefined }];
}
