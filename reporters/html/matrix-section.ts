// Clauses × source types as a heatmap, with "any source" for the cases whose verdict depends on no
// source (a wrong JSON type, a missing field). Each cell shows every outcome it holds, each count
// in its own tint and sign (a cell of 1 pass and 10 fail reads as both), and links to the case
// list, which, with JS, it filters to that cell. A clause's documentation sentence is its row
// header's title, and is quoted on its cases and findings.
import type { RunReport } from '../../src/results.ts';
import { escapeHtml as html } from '../html-escape.ts';
import { conformanceMatrix, matrixColumns, type MatrixCell } from '../matrix.ts';
import { breakable } from './breakable.ts';
import type { PageIndex } from './page-index.ts';

/** The column, and the source filter's value, of a case's source type: "any source" for none. */
export function sourceKey(sourceType: string | null): string {
  return sourceType ?? 'any';
}

export function columnLabel(sourceType: string | null): string {
  return sourceType ?? 'any source';
}

// A sign beside each count, so that the cell reads without its colours.
const SIGNS = { pass: '✓', fail: '✗', error: '!', skip: '–' } as const;

function cell(clause: string, { sourceType, counts }: MatrixCell): string {
  if (counts.total === 0) return '<td><span class="cell empty" title="no case">·</span></td>';
  const present = (['pass', 'fail', 'error', 'skip'] as const).filter((outcome) => counts[outcome] > 0);
  const label = `${clause} × ${columnLabel(sourceType)}: ${present.map((outcome) => `${counts[outcome]} ${outcome}`).join(', ')}`;
  const chips = present.map((outcome) => `<span class="chip outcome-${outcome}">${SIGNS[outcome]}${counts[outcome]}</span>`).join('');
  return `<td><a class="cell" href="#cases" data-clause="${html(clause)}" data-source="${sourceKey(sourceType)}" title="${html(label)}" aria-label="${html(label)}">${chips}</a></td>`;
}

export function matrixSection(report: RunReport, index: PageIndex): string {
  const rows = conformanceMatrix(report.cases).map((row) => {
    const doc = index.docOf(row.clause);
    return `<tr><th scope="row"${doc === undefined ? '' : ` title="${html(doc)}"`}><code>${breakable(row.clause)}</code></th>${row.cells.map((matrixCell) => cell(row.clause, matrixCell)).join('')}</tr>`;
  });
  const head = matrixColumns(report.cases).map((sourceType) => `<th scope="col">${html(columnLabel(sourceType))}</th>`).join('');
  return `<section id="matrix" aria-labelledby="matrix-heading">
<h2 id="matrix-heading">Clauses × source types</h2>
<p class="legend">Each row is a clause of the documentation (its sentence shows on hovering it); each cell counts its cases for a source type (“any source”: cases about no source, such as a value of the wrong JSON type): <span class="chip outcome-pass">✓ pass</span> <span class="chip outcome-fail">✗ fail</span> <span class="chip outcome-error">! could not be judged</span> <span class="chip outcome-skip">– skipped</span>. Follow a cell to list its cases.</p>
<div class="matrix-scroll"><table class="matrix">
<thead><tr><th scope="col">clause</th>${head}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table></div>
</section>`;
}
