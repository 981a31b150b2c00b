import { Validator } from '@cfworker/json-schema';
import { caseSchema } from './case-schema';

/** Result of validating a document against the case schema. */
export interface ValidationResult {
  valid: boolean;
  /** `instanceLocation: message` per error, first 20. */
  errors: string[];
}

let fast: Validator | undefined;
let thorough: Validator | undefined;
const SCHEMA = caseSchema as unknown as ConstructorParameters<typeof Validator>[0];

/**
 * Validate a value against `tokentrail.case/v1`. Uses a validator that never evals, so it also runs
 * under the renderer's strict CSP. A first pass stops at the first error (a valid case of a million
 * events is the common, expensive path); only an invalid document is walked again for its errors.
 * `parsedJson`: the value came from JSON.parse, so it needs no JSON round trip to drop undefined
 * properties (a round trip of a large case would not fit in one string).
 */
export function validateCase(doc: unknown, opts: { parsedJson?: boolean } = {}): ValidationResult {
  // The schema is a readonly const; the validator's type wants a mutable Schema shape.
  fast ??= new Validator(SCHEMA, '2020-12', true);
  const value = opts.parsedJson ? doc : JSON.parse(JSON.stringify(doc));
  if (fast.validate(value).valid) return { valid: true, errors: [] };
  thorough ??= new Validator(SCHEMA, '2020-12', false);
  const r = thorough.validate(value);
  return {
    valid: r.valid,
    errors: r.errors
      .filter((e) => e.keyword !== 'properties' && e.keyword !== 'items')
      .slice(0, 20)
      .map((e) => `${e.instanceLocation}: ${e.error}`),
  };
}
