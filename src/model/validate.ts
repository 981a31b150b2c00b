import { Validator } from '@cfworker/json-schema';
import { caseSchema } from './case-schema';

/** Result of validating a document against the case schema. */
export interface ValidationResult {
  valid: boolean;
  /** `instanceLocation: message` per error, first 20. */
  errors: string[];
}

let validator: Validator | undefined;

/**
 * Validate a parsed JSON value against `tokentrail.case/v1`.
 * Uses a validator that never evals, so it also runs under the renderer's strict CSP.
 */
export function validateCase(doc: unknown): ValidationResult {
  // The schema is a readonly const; the validator's type wants a mutable Schema shape.
  validator ??= new Validator(caseSchema as unknown as ConstructorParameters<typeof Validator>[0], '2020-12', false);
  // Validate the document as JSON would carry it (undefined-valued properties are absent in JSON).
  const r = validator.validate(JSON.parse(JSON.stringify(doc)));
  return {
    valid: r.valid,
    errors: r.errors
      .filter((e) => e.keyword !== 'properties' && e.keyword !== 'items')
      .slice(0, 20)
      .map((e) => `${e.instanceLocation}: ${e.error}`),
  };
}
