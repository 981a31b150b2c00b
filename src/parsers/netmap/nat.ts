/**
 * NAT notes (see README.md here). Two line forms:
 * - tokentrail's own: `nat <public-ip> <from> <to|open> <host>[,<host>…] [# comment]`;
 * - the table a network team writes (and the scenario generator emits):
 *   `<public-ip> <gateway-fqdn> <private-ip> <host-fqdn>`, validity from a comment such as
 *   `valid 2026-11-01T00:00:00Z/2026-12-01T00:00:00Z` or `valid for all of November 2026`, else
 *   from the file time with an open end.
 * One `net.map` per private host (public ip ↔ host); the table form also maps private ip ↔ host.
 */
import type { EventDraft } from '../../model/event';
import type { LineParser, LogParser, ParseContext } from '../../model/parser';
import type { RedactedLine } from '../../model/redaction';
import type { EventTime } from '../../model/time';
import { normIp } from '../common/net';
import { isoTime } from '../common/stamp';
import { assumedTime, monthNumber } from '../common/time';
import { fileTime, netMap } from './common';

const LINE = /^nat\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s*(?:#\s*(.*))?$/;
const TABLE = /^(\S+)\s+([A-Za-z0-9][\w.-]*)\s+(\S+)\s+([A-Za-z0-9][\w.-]*)\s*(?:#.*)?$/;
const VALID_ISO = /valid\s+(\S+)\s*\/\s*(\S+)/i;
const VALID_MONTH = /valid\b.*?\b(January|February|March|April|May|June|July|August|September|October|November|December) (\d{4})/i;

function isTable(l: string): boolean {
  const m = TABLE.exec(l);
  return !!m && !!normIp(m[1]!) && !!normIp(m[3]!);
}

class NatLines implements LineParser {
  private validFrom: EventTime | undefined;
  private validTo: number | undefined;
  private readonly warned = { done: false };
  constructor(private readonly ctx: ParseContext) {}

  /** Validity stated in a comment applies to the table lines after it. */
  private comment(text: string): void {
    const iso = VALID_ISO.exec(text);
    const from = iso ? isoTime(iso[1]!, this.ctx) : undefined;
    if (iso && from) {
      this.validFrom = from;
      this.validTo = iso[2] === 'open' ? undefined : isoTime(iso[2]!, this.ctx)?.ts;
      return;
    }
    const mon = VALID_MONTH.exec(text);
    if (mon) {
      const month = monthNumber(mon[1]!)!;
      const year = Number(mon[2]);
      this.validFrom = assumedTime(`${mon[1]} ${mon[2]}`, this.ctx.tz, { year, month, day: 1 });
      this.validTo = assumedTime('', this.ctx.tz, { year: month === 12 ? year + 1 : year, month: month === 12 ? 1 : month + 1, day: 1 }).ts;
    }
  }

  line(line: RedactedLine): EventDraft[] {
    const text = line.text.trim();
    if (!text) return [];
    if (text.startsWith('#')) {
      this.comment(text);
      return [];
    }
    const bad = (why: string) => {
      this.ctx.problem({ code: 'line.malformed', line: line.line, message: `NAT note: ${why}` });
      return [];
    };
    const t = TABLE.exec(text);
    if (t && isTable(text)) {
      const pub = normIp(t[1]!)!;
      const priv = normIp(t[3]!)!;
      const host = t[4]!.toLowerCase();
      const from = this.validFrom ?? fileTime(this.ctx, line.line, this.warned);
      const note = `NAT: ${pub} (${t[2]!.toLowerCase()}) fronts ${host} (${priv})`;
      return [netMap(line, from, pub, host, this.validTo, note), netMap(line, from, priv, host, this.validTo, `${note}; private address`)];
    }
    const m = LINE.exec(text);
    if (!m) return bad('expected `nat <public-ip> <from> <to|open> <host>[,<host>…]` or `<public-ip> <gateway> <private-ip> <host>`');
    const ip = normIp(m[1]!);
    if (!ip) return bad(`invalid public address ${m[1]!.slice(0, 60)}`);
    const from = isoTime(m[2]!, this.ctx);
    if (!from) return bad(`unreadable start time ${m[2]!.slice(0, 40)}`);
    const to = m[3] === 'open' ? undefined : isoTime(m[3]!, this.ctx)?.ts;
    if (m[3] !== 'open' && to === undefined) return bad(`unreadable end time ${m[3]!.slice(0, 40)}`);
    const hosts = m[4]!.split(',').map((h) => h.trim().toLowerCase()).filter(Boolean);
    const note = `NAT: ${ip} fronts ${hosts.length} host(s)${m[5] ? `; ${m[5]}` : ''}`;
    return hosts.map((h) => netMap(line, from, ip, h, to, note));
  }

  end(): EventDraft[] {
    return [];
  }
}

export const netmapNatParser: LogParser = {
  id: 'netmap.nat',
  label: 'NAT note',
  detect(sample) {
    const lines = sample.head.map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
    const header = sample.head.some((l) => /^#\s*tokentrail NAT note|^#.*\bNAT\b/i.test(l));
    if (!lines.length) return header ? 0.9 : 0;
    const ok = lines.filter((l) => LINE.test(l) || isTable(l)).length / lines.length;
    return ok >= 0.8 ? 0.97 : header && ok > 0 ? 0.5 : 0;
  },
  open: (ctx) => new NatLines(ctx),
};
