/** Reports: one entry point per format over a case and the traceability answers it cites. */
import type { Case } from '../model/case';
import { validateCase } from '../model/validate';
import type { TraceAnswer } from '../model/trace';
import { profileCase } from './case-export';
import { buildReportData, makeScrubber } from './data';
import { egiSubject, renderEgi } from './egi';
import { renderHtml } from './html';
import { renderMarkdown } from './markdown';
import { renderMisp } from './misp';
import type { ReportFormat, ReportOptions } from './options';
import { renderStix } from './stix';
import { renderCsv, renderTimesketch } from './timeline-export';

export type { ReportData } from './report-data';
export { REPORT_FORMATS, TLP_LEVELS, type ReportFormat, type ReportOptions, type Tlp, tlpLabel } from './options';
export { buildReportData, egiSubject, renderHtml };
export { describeSharing } from './sharing';

export interface RenderedReport {
  /** Text of the report (for `pdf`, the HTML to print). */
  text: string;
  mime: string;
  extension: string;
}

const MIME: Record<ReportFormat, [string, string]> = {
  html: ['text/html;charset=utf-8', 'html'],
  pdf: ['text/html;charset=utf-8', 'pdf'],
  md: ['text/markdown;charset=utf-8', 'md'],
  json: ['application/json', 'json'],
  csv: ['text/csv;charset=utf-8', 'csv'],
  timesketch: ['application/x-ndjson', 'jsonl'],
  stix: ['application/stix+json;version=2.1', 'stix.json'],
  misp: ['application/json', 'misp.json'],
  egi: ['text/plain;charset=utf-8', 'txt'],
};

/** Renders one report. Deterministic for the same case, answers and options. */
export async function renderReport(c: Case, answers: TraceAnswer[], opts: ReportOptions): Promise<RenderedReport> {
  const [mime, extension] = MIME[opts.format];
  const wrap = (text: string) => ({ text, mime, extension });
  if (opts.format === 'json' || opts.format === 'csv' || opts.format === 'timesketch') {
    const scrub = await makeScrubber(c, opts, c);
    if (opts.format === 'csv') return wrap(renderCsv(c, scrub, opts.profile));
    if (opts.format === 'timesketch') return wrap(renderTimesketch(c, scrub, opts.profile));
    const out = profileCase(c, scrub, opts);
    const v = validateCase(out);
    if (!v.valid) throw new Error(`report JSON does not match tokentrail.case/v1: ${v.errors.join('; ')}`);
    return wrap(`${JSON.stringify(out, null, 2)}\n`);
  }
  const data = await buildReportData(c, answers, opts);
  switch (opts.format) {
    case 'html':
    case 'pdf':
      return wrap(renderHtml(data));
    case 'md':
      return wrap(renderMarkdown(data));
    case 'stix':
      return wrap(await renderStix(data));
    case 'misp':
      return wrap(await renderMisp(data));
    case 'egi':
      return wrap(renderEgi(data));
  }
}
