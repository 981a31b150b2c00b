import type { RedactionProfile } from '../model/redaction';

export const REPORT_FORMATS = ['html', 'pdf', 'md', 'json', 'csv', 'timesketch', 'stix', 'misp', 'egi'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const TLP_LEVELS = ['clear', 'green', 'amber', 'amber+strict', 'red'] as const;
export type Tlp = (typeof TLP_LEVELS)[number];

/** What the analyst chose for one report. */
export interface ReportOptions {
  format: ReportFormat;
  profile: RedactionProfile;
  /** For `vo`: members of this VO stay readable; everyone else is pseudonymised. */
  vo?: string;
  tlp: Tlp;
  title?: string;
  analyst?: string;
  /** Site named in the EGI subject line; derived from the case when absent. */
  site?: string;
  /** The only time in a report; explicit so reports are reproducible. ISO 8601. */
  generatedAt: string;
  /** Per-case pseudonymisation key (hex). Same key → same aliases; another case → unlinkable. */
  pseudonymKey: string;
  /** Finding ids to leave out (the analyst unticked them). */
  excludeFindings?: string[];
  /** Event ids the analyst starred in the timeline: always in the key-event timeline. */
  starredEvents?: string[];
  /** Maximum key events listed (default 200). */
  maxKeyEvents?: number;
}

/** `TLP:AMBER+STRICT` etc. */
export function tlpLabel(tlp: Tlp): string {
  return `TLP:${tlp.toUpperCase()}`;
}

/** What each TLP level lets a recipient do (FIRST TLP 2.0). */
export const TLP_MEANING: Record<Tlp, string> = {
  clear: 'Recipients can spread this to the world; there is no limit on disclosure.',
  green: 'Limited disclosure: recipients can spread this within their community.',
  amber: 'Limited disclosure: recipients can only spread this on a need-to-know basis within their organization and its clients.',
  'amber+strict': 'Limited disclosure: recipients can only spread this on a need-to-know basis within their organization.',
  red: 'For the eyes and ears of individual recipients only, no further disclosure.',
};

/** Print colours from the TLP 2.0 standard (text on black). */
export const TLP_COLOUR: Record<Tlp, string> = {
  clear: '#FFFFFF',
  green: '#33FF00',
  amber: '#FFC000',
  'amber+strict': '#FFC000',
  red: '#FF2B2B',
};
