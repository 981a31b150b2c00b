/**
 * What `analyze` plugs into ingestion: the redactor (src/redact), the parser registry and the
 * fallback parser for text nobody claims.
 */
import type { LogParser } from '../model/parser';
import type { LineRedactor } from '../model/redaction';
import { genericParser } from '../parsers/generic/index';
import { PARSERS } from '../parsers/registry';
import { createLineRedactor } from '../redact/line-redactor';

export interface AnalysisDeps {
  redactor: LineRedactor;
  parsers: readonly LogParser[];
  fallback: LogParser;
}

export function analysisDeps(): AnalysisDeps {
  return { redactor: createLineRedactor({ profile: 'csirt' }), parsers: PARSERS, fallback: genericParser };
}
