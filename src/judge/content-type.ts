import type { ResponseCheck } from '../cases/case.ts';
import type { ObservedResponse } from '../transport/types.ts';
import type { Reason } from '../results.ts';
import { reason, show } from './reasons.ts';

/**
 * Whether a success answer declares the media type the documentation gives it (`Content-type:
 * application/json`). Parameters such as `charset=utf-8` are allowed; the media type is compared
 * without regard to case, as HTTP defines it. Error answers are not judged here: their error type
 * is read as restJson1 clients read it, whatever they declare.
 */
export function checkContentType(checks: readonly ResponseCheck[], response: ObservedResponse): Reason[] {
  return checks.flatMap((check): Reason[] => {
    if (check.kind !== 'content_type_conformance') return [];
    const declared = response.headers['content-type'];
    if (declared === undefined) return [reason(check.kind, check.clause, `a success answer must say Content-Type: ${check.mediaType}, got no Content-Type`)];
    const mediaType = declared.split(';')[0]?.trim().toLowerCase() ?? '';
    return mediaType === check.mediaType.toLowerCase()
      ? []
      : [reason(check.kind, check.clause, `a success answer must say Content-Type: ${check.mediaType}, got ${show(declared)}`)];
  });
}
