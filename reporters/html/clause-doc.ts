// A clause with the documentation sentence it stands for, wherever the page names a clause.
import { escapeHtml as html } from '../html-escape.ts';
import type { PageIndex } from './page-index.ts';

export function clauseWithDoc(clause: string, index: PageIndex): string {
  const doc = index.docOf(clause);
  return `<code>${html(clause)}</code>${doc === undefined ? '' : ` <q class="clause-doc">${html(doc)}</q>`}`;
}
