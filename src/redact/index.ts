/** Redaction: the only way raw text becomes something tokentrail keeps, shows or exports. */
export { AliasTable, type AliasKind } from './aliases';
export { createLineRedactor, markerFor, type RedactorOptions, type TextRedactor } from './line-redactor';
export { Pseudonymiser } from './pseudonymise';
export { redactStream, type StreamRedactor } from './stream';
