export type ReportFormat = 'html' | 'csv' | 'json';

const MEDIA: Record<ReportFormat, string> = { html: 'text/html', csv: 'text/csv', json: 'application/json' };
/** On equal preference: the printable page first. */
const ORDER: readonly ReportFormat[] = ['html', 'csv', 'json'];

/**
 * The format an `Accept` header asks for (RFC 9110 §12.5.1: media ranges with q-values, the most
 * specific range deciding). No header, or `*∕*`: HTML. Null when none of the three is acceptable.
 */
export function negotiateReportFormat(accept: string | undefined): ReportFormat | null {
  if (!accept || accept.trim() === '') return 'html';
  const ranges = accept
    .split(',')
    .map((part) => {
      const [range, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const quality = q ? Number(q.slice(2)) : 1;
      return { range: range.trim(), quality: Number.isFinite(quality) ? quality : 0 };
    })
    .filter((r) => r.range !== '');
  let best: { format: ReportFormat; quality: number } | null = null;
  for (const format of ORDER) {
    const quality = qualityOf(MEDIA[format], ranges);
    if (quality > 0 && (!best || quality > best.quality)) best = { format, quality };
  }
  return best?.format ?? null;
}

function qualityOf(media: string, ranges: readonly { range: string; quality: number }[]): number {
  const [type] = media.split('/');
  const exact = ranges.find((r) => r.range === media);
  if (exact) return exact.quality;
  const partial = ranges.find((r) => r.range === `${type}/*`);
  if (partial) return partial.quality;
  return ranges.find((r) => r.range === '*/*')?.quality ?? 0;
}
