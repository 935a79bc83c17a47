// Clauses × source types. Each cell links to the case list; with JS, following it also filters
// the list to that cell.
import type { RunReport } from '../../src/results.ts';
import { escapeHtml as html } from '../html-escape.ts';
import { conformanceMatrix, matrixColumns, type MatrixCell } from '../matrix.ts';

export function columnLabel(sourceType: string | null): string {
  return sourceType ?? '—';
}

function cell(clause: string, { sourceType, counts, worst }: MatrixCell): string {
  if (worst === null) return '<td><span class="cell empty" title="no case">·</span></td>';
  const parts = (['pass', 'fail', 'error', 'skip'] as const).filter((outcome) => counts[outcome] > 0).map((outcome) => `${counts[outcome]} ${outcome}`);
  const label = `${clause} × ${columnLabel(sourceType)}: ${parts.join(', ')}`;
  return `<td class="outcome-${worst}"><a class="cell" href="#cases" data-clause="${html(clause)}" data-source-type="${html(sourceType ?? '')}" title="${html(label)}">${parts.join(' · ')}</a></td>`;
}

export function matrixSection(report: RunReport): string {
  const rows = conformanceMatrix(report.cases).map(
    (row) => `<tr><th scope="row"><code>${html(row.clause)}</code></th>${row.cells.map((matrixCell) => cell(row.clause, matrixCell)).join('')}</tr>`,
  );
  const head = matrixColumns(report.cases).map((sourceType) => `<th scope="col">${html(columnLabel(sourceType))}</th>`).join('');
  return `<section id="matrix" aria-labelledby="matrix-heading">
<h2 id="matrix-heading">Clauses × source types</h2>
<div class="matrix-scroll"><table class="matrix">
<thead><tr><th scope="col">clause</th>${head}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table></div>
<p class="legend">Each cell counts the cases of a clause for a source type (“—”: cases without one) and takes the colour of its worst outcome: fail, then error, then skip, then pass.</p>
</section>`;
}
