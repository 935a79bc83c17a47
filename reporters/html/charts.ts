// The page's charts: inline SVG, drawn here, with no script and nothing fetched, each bar carrying
// its count in a <title> and the chart its whole sense in its label, so a screen reader and a page
// without JS read them as well as an eye does. Colours come from the stylesheet's tints.
import { escapeHtml as html } from '../html-escape.ts';

export interface BarPart {
  readonly count: number;
  /** "9 pass": the part's title and its share of the chart's label. */
  readonly label: string;
  /** The class that colours it: "outcome-fail", "gate-regression". */
  readonly tint: string;
}

/** One bar split into parts by count (the outcomes of the cases, the gate's statuses), left to right. */
export function stackedBar(parts: readonly BarPart[], name: string): string {
  const total = parts.reduce((sum, part) => sum + part.count, 0);
  let x = 0;
  const rects = parts
    .filter((part) => part.count > 0)
    .map((part) => {
      const rect = `<rect class="${part.tint}" x="${x}" width="${part.count}" height="1"><title>${html(part.label)}</title></rect>`;
      x += part.count;
      return rect;
    });
  const label = `${name}: ${parts.map((part) => part.label).join(', ')}`;
  return `<svg class="stacked-bar" viewBox="0 0 ${Math.max(total, 1)} 1" preserveAspectRatio="none" role="img" aria-label="${html(label)}">${rects.join('')}</svg>`;
}

/** A bar of a chart whose bars line up: its length is count out of the longest's. */
export function countBar(count: number, longest: number, label: string): string {
  const width = longest === 0 ? 0 : (100 * count) / longest;
  return `<svg class="count-bar" viewBox="0 0 100 1" preserveAspectRatio="none" role="img" aria-label="${html(label)}"><rect width="${Number(width.toFixed(2))}" height="1"><title>${html(label)}</title></rect></svg>`;
}
