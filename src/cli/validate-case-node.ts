/**
 * Case validation for the CLI: the same `tokentrail.case/v1` schema as src/model/validate.ts, compiled
 * by Ajv into code (a case of 300k events, entities and links validates in under a second instead
 * of half a minute). Ajv generates JavaScript at run time, which the renderer's CSP forbids, so the
 * core keeps its interpreting validator; a test holds both to the same verdicts.
 */
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import { caseSchema } from '../model/case-schema';
import type { ValidationResult } from '../model/validate';

let compiled: ValidateFunction | undefined;

/** Validates a parsed JSON value (from JSON.parse or equivalent: no undefined properties). */
export function validateCaseNode(doc: unknown): ValidationResult {
  compiled ??= new Ajv2020({ allErrors: true, strict: false, validateFormats: false }).compile(caseSchema as object);
  if (compiled(doc)) return { valid: true, errors: [] };
  return { valid: false, errors: (compiled.errors ?? []).slice(0, 20).map((e) => `${e.instancePath || '/'}: ${e.message ?? e.keyword}`) };
}
