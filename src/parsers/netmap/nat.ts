/**
 * NAT notes (format defined by tokentrail, see README.md here): one line per public address,
 * `nat <public-ip> <from> <to|open> <host>[,<host>…] [# comment]`. One `net.map` per private host.
 */
import type { EventDraft } from '../../model/event';
import type { LineParser, LogParser, ParseContext } from '../../model/parser';
import type { RedactedLine } from '../../model/redaction';
import { normIp } from '../common/net';
import { isoTime } from '../common/stamp';
import { netMap } from './common';

const LINE = /^nat\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s*(?:#\s*(.*))?$/;

class NatLines implements LineParser {
  constructor(private readonly ctx: ParseContext) {}
  line(line: RedactedLine): EventDraft[] {
    const text = line.text.trim();
    if (!text || text.startsWith('#')) return [];
    const m = LINE.exec(text);
    const bad = (why: string) => {
      this.ctx.problem({ code: 'line.malformed', line: line.line, message: `NAT note: ${why}` });
      return [];
    };
    if (!m) return bad('expected `nat <public-ip> <from> <to|open> <host>[,<host>…]`');
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
    const header = sample.head.some((l) => /^#\s*tokentrail NAT note/i.test(l));
    if (!lines.length) return header ? 0.9 : 0;
    const ok = lines.filter((l) => LINE.test(l)).length / lines.length;
    return ok >= 0.8 ? 0.97 : header ? 0.5 : 0;
  },
  open: (ctx) => new NatLines(ctx),
};
