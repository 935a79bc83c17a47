import { defineResponseCheck } from './response-check.ts';
import { show } from './show.ts';
import { ofSuccess } from './wording.ts';

/**
 * A success answer declares the media type the documentation gives it (`Content-type:
 * application/json`). Parameters such as `charset=utf-8` are allowed; the media type is compared
 * without regard to case, as HTTP defines it. Error answers are not judged by it: their error type
 * is read as restJson1 clients read it, whatever they declare.
 */
export interface ContentTypeCheck {
  readonly kind: 'content_type_conformance';
  readonly clause: string;
  readonly mediaType: string;
}

export const contentType = defineResponseCheck<ContentTypeCheck>({
  name: 'content_type_conformance',
  level: 3,
  wording: { prefix: 'content-type', headline: ofSuccess('does not declare the Content-Type the documentation gives it') },
  attach: { toAnswer: ({ spec }) => [{ kind: 'content_type_conformance', clause: spec.response.contentType.clause, mediaType: spec.response.contentType.mediaType }] },
  judge: {
    headers: (check, response) => {
      const declared = response.headers['content-type'];
      const mediaType = declared?.split(';')[0]?.trim().toLowerCase();
      if (mediaType === check.mediaType.toLowerCase()) return [];
      return [{ message: `a success answer must say Content-Type: ${check.mediaType}, got ${declared === undefined ? 'no Content-Type' : show(declared)}` }];
    },
  },
  pact: {
    express: (check, draft) => {
      draft.mediaType = check.mediaType;
    },
  },
});
