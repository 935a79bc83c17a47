// A list of cases, each a link to its card, for the findings and the levels kept back.
import { breakable } from './breakable.ts';
import type { PageIndex } from './page-index.ts';

export function caseLinks(caseIds: readonly string[], index: PageIndex): string {
  const items = caseIds.map((id) => {
    const row = index.rowOf(id);
    return row === undefined ? `<li><code>${breakable(id)}</code></li>` : `<li><a href="#${row}"><code>${breakable(id)}</code></a></li>`;
  });
  return `<ul class="case-links">${items.join('')}</ul>`;
}
