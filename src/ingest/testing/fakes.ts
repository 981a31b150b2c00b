/**
 * Test-only stand-ins for the real redactor (src/redact) and generic parser, so ingestion tests do
 * not depend on them. The redactor replaces JWT signatures and answers with a promise for lines
 * that hold one (like the real one), synchronously otherwise.
 */
import type { LogParser } from '../../model/parser';
import type { LineRedactor, RedactedLine, RedactionCounts } from '../../model/redaction';
import type { TokenInfo } from '../../model/token';

const JWT = /\beyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]+/g;

export function testRedactor(): LineRedactor & { seen: number } {
  let jwts = 0;
  const r = {
    seen: 0,
    redactLine(text: string, line: number): RedactedLine | Promise<RedactedLine> {
      r.seen++;
      if (text.indexOf('eyJ') === -1) return { line, text, secrets: [] };
      const out = text.replace(JWT, (m) => {
        jwts++;
        return `${m.slice(0, m.lastIndexOf('.') + 1)}[sig-redacted]`;
      });
      return Promise.resolve({ line, text: out, secrets: [] });
    },
    counts: (): RedactionCounts => (jwts ? { jwt: jwts } : {}),
    tokens: (): TokenInfo[] => [],
  };
  return r;
}

/** One `log` event per non-empty line. */
export const testGeneric: LogParser = {
  id: 'generic',
  label: 'Generic (test)',
  detect: () => 0,
  open: () => ({
    line: (l) => (l.text.trim() ? [{ time: { ts: 0, text: '' }, kind: 'log', ids: {}, text: l.text }] : []),
    end: () => [],
  }),
};

/** Claims inputs named like an HTCondor SchedLog; one event per line. */
export const testSchedLog: LogParser = {
  id: 'htcondor.schedlog',
  label: 'SchedLog (test)',
  detect: (s) => (/(^|\/)SchedLog$/.test(s.name) ? 0.9 : 0),
  open: (ctx) => ({
    line: (l) => [{ time: { ts: Date.UTC(ctx.year, 0, 1), text: '', assumed: `year=${ctx.year} (${ctx.yearSource}) tz=${ctx.tz}` }, kind: 'log', ids: {}, text: l.text }],
    end: () => [],
  }),
};
