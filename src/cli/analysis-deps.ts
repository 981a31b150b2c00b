/**
 * What `analyze` plugs into ingestion: the redactor, the parser registry and the fallback parser.
 * The one place to wire the real src/redact in when it lands on main (the interim redactor until then).
 */
import type { LogParser } from '../model/parser';
import type { LineRedactor } from '../model/redaction';
import { PARSERS } from '../parsers/registry';
import { genericParser } from '../parsers/generic/index';
import { interimRedactor } from './interim-redactor';

export interface AnalysisDeps {
  redactor: LineRedactor;
  parsers: readonly LogParser[];
  fallback: LogParser;
}

export function analysisDeps(): AnalysisDeps {
  return { redactor: interimRedactor(), parsers: PARSERS, fallback: genericParser };
}
