/**
 * Case validation for the CLI: the same `tokentrail.case/v1` schema as src/model/validate.ts, compiled
 * by Ajv into code (a case of 300k events, entities and links validates in under a second instead
 * of half a minute). Ajv generates JavaScript at run time, which the renderer's CSP forbids, so the
 * core keeps its interpreting validator; a test holds both to the same verdicts.
 */
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import { caseSchema, linkSchema } from '../model/case-schema';
import type { ValidationResult } from '../model/validate';

let compiled: { whole: ValidateFunction; link: ValidateFunction } | undefined;

/**
 * Validates a parsed JSON value (from JSON.parse or equivalent: no undefined properties), or a case
 * fresh from correlation, whose links are a table that makes each link as it is read: those are
 * checked one at a time against the link schema, never held as a million objects at once.
 */
export function validateCaseNode(doc: unknown): ValidationResult {
  if (!compiled) {
    const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: false });
    compiled = { whole: ajv.compile(caseSchema as object), link: ajv.compile(linkSchema as object) };
  }
  const { whole: validWhole, link: validLink } = compiled;
  const links = (doc as { links?: unknown } | null)?.links;
  const table = links !== null && typeof links === 'object' && !Array.isArray(links) && Symbol.iterator in links ? (links as Iterable<unknown>) : undefined;
  if (!validWhole(table ? { ...(doc as object), links: [] } : doc)) return { valid: false, errors: errorsOf(validWhole) };
  if (table) {
    let i = 0;
    for (const l of table) {
      if (!validLink(l)) return { valid: false, errors: errorsOf(validLink).map((e) => `/links/${i}${e === '/' ? '' : e}`) };
      i++;
    }
  }
  return { valid: true, errors: [] };
}

function errorsOf(v: ValidateFunction): string[] {
  return (v.errors ?? []).slice(0, 20).map((e) => `${e.instancePath || '/'}: ${e.message ?? e.keyword}`);
}
