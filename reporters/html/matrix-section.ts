// Clauses × source types, with "any source" for the cases whose verdict depends on no source (a
// wrong JSON type, a missing field). Each clause carries its documentation sentence; each cell
// links to the case list and, with JS, filters the list to that cell.
import type { RunReport } from '../../src/results.ts';
import { escapeHtml as html } from '../html-escape.ts';
import { conformanceMatrix, matrixColumns, type MatrixCell } from '../matrix.ts';
import { clauseWithDoc } from './clause-doc.ts';
import type { PageIndex } from './page-index.ts';

/** The column, and the source filter's value, of a case's source type: "any source" for none. */
export function sourceKey(sourceType: string | null): string {
  return sourceType ?? 'any';
}

export function columnLabel(sourceType: string | null): string {
  return sourceType ?? 'any source';
}

function cell(clause: string, { sourceType, counts, worst }: MatrixCell): string {
  if (worst === null) return '<td><span class="cell empty" title="no case">·</span></td>';
  const parts = (['pass', 'fail', 'error', 'skip'] as const).filter((outcome) => counts[outcome] > 0).map((outcome) => `${counts[outcome]} ${outcome}`);
  const label = `${clause} × ${columnLabel(sourceType)}: ${parts.join(', ')}`;
  return `<td class="outcome-${worst}"><a class="cell" href="#cases" data-clause="${html(clause)}" data-source="${sourceKey(sourceType)}" title="${html(label)}">${parts.join(' · ')}</a></td>`;
}

export function matrixSection(report: RunReport, index: PageIndex): string {
  const rows = conformanceMatrix(report.cases).map(
    (row) => `<tr><th scope="row">${clauseWithDoc(row.clause, index)}</th>${row.cells.map((matrixCell) => cell(row.clause, matrixCell)).join('')}</tr>`,
  );
  const head = matrixColumns(report.cases).map((sourceType) => `<th scope="col">${html(columnLabel(sourceType))}</th>`).join('');
  return `<section id="matrix" aria-labelledby="matrix-heading">
<h2 id="matrix-heading">Clauses × source types</h2>
<p class="legend">Each row is a clause of the documentation, with the sentence it stands for; each cell counts its cases for a source type (“any source”: cases about no source, such as a value of the wrong JSON type) and takes the colour of its worst outcome: fail, then error, then skip, then pass. Follow a cell to list its cases.</p>
<div class="matrix-scroll"><table class="matrix">
<thead><tr><th scope="col">clause</th>${head}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table></div>
</section>`;
}
