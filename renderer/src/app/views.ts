/** The six case views, in tab order. Tab and view data-testids derive from these names. */
export const VIEWS = ['Timeline', 'Tokens', 'Trace', 'Findings', 'Report', 'Training'] as const;
export type ViewName = (typeof VIEWS)[number];
export const viewId = (v: ViewName) => v.toLowerCase();
