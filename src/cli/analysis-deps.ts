/**
 * What `analyze` plugs into ingestion: the redactor, the parser registry and the fallback parser.
 * The one place to wire the real src/redact and src/parsers/generic in when they land on main.
 */
import type { LogParser } from '../model/parser';
import type { LineRedactor } from '../model/redaction';
import { PARSERS } from '../parsers/registry';
import { interimGeneric } from './interim-generic';
import { interimRedactor } from './interim-redactor';

export interface AnalysisDeps {
  redactor: LineRedactor;
  parsers: readonly LogParser[];
  fallback: LogParser;
}

export function analysisDeps(): AnalysisDeps {
  return { redactor: interimRedactor(), parsers: PARSERS, fallback: interimGeneric };
}
