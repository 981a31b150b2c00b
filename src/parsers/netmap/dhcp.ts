/**
 * ISC dhcpd.leases: `lease <ip> { starts <w> YYYY/MM/DD HH:MM:SS; ends …; client-hostname "…"; }`.
 * dhcpd writes these times in UTC (or `epoch <n>;` with `db-time-format local`). One `net.map`
 * per lease block, placed at its `lease` line, valid from `starts` to `ends`.
 */
import type { EventDraft } from '../../model/event';
import type { LineParser, LogParser, ParseContext } from '../../model/parser';
import type { RedactedLine } from '../../model/redaction';
import type { EventTime } from '../../model/time';
import { normIp } from '../common/net';
import { netMap } from './common';

const OPEN = /^lease\s+(\S+)\s*\{/;
const WHEN = /^(starts|ends)\s+(?:\d\s+(\d{4})\/(\d{2})\/(\d{2})\s+(\d{2}):(\d{2}):(\d{2})|epoch\s+(\d+)|never)/;

interface Lease {
  line: RedactedLine;
  ip: string;
  starts?: EventTime;
  ends?: number;
  host?: string;
  mac?: string;
}

class DhcpLines implements LineParser {
  private cur: Lease | undefined;
  constructor(private readonly ctx: ParseContext) {}

  line(line: RedactedLine): EventDraft[] {
    const text = line.text.trim();
    if (!text || text.startsWith('#')) return [];
    const open = OPEN.exec(text);
    if (open) {
      const out = this.close();
      const ip = normIp(open[1]!);
      if (!ip) this.ctx.problem({ code: 'line.malformed', line: line.line, message: `lease for an invalid address ${open[1]!.slice(0, 60)}` });
      else this.cur = { line, ip };
      return out;
    }
    if (text === '}') return this.close();
    if (!this.cur) {
      // Server-wide statements outside a lease block are part of the format; anything else is not.
      if (!/^(server-duid|authoring-byte-order|failover|host|ia-na|ia-ta|ia-pd)\b|;$/.test(text) || /[\u0000-\u0008\ufffd]/.test(text)) {
        this.ctx.problem({ code: 'line.malformed', line: line.line, message: 'not a dhcpd.leases statement' });
      }
      return [];
    }
    const w = WHEN.exec(text);
    if (w) {
      let t: EventTime | undefined;
      if (w[8]) t = { ts: Number(w[8]) * 1000, text: text.replace(/;$/, '') };
      else if (w[2]) {
        const n = w.slice(2, 8).map(Number) as [number, number, number, number, number, number];
        t = { ts: Date.UTC(n[0], n[1] - 1, n[2], n[3], n[4], n[5]), text: text.replace(/;$/, ''), assumed: 'tz=UTC (dhcpd.leases default)' };
      }
      if (w[1] === 'starts') this.cur.starts = t;
      else this.cur.ends = t?.ts;
      return [];
    }
    const hn = /^client-hostname\s+"([^"]+)"/.exec(text) ?? /^(?:set\s+)?(?:ddns-fwd-name|hostname)\s*=?\s*"([^"]+)"/.exec(text);
    if (hn) this.cur.host = hn[1]!.toLowerCase();
    const mac = /^hardware ethernet\s+([0-9a-f:]+)/i.exec(text);
    if (mac) this.cur.mac = mac[1]!.toLowerCase();
    return [];
  }

  private close(): EventDraft[] {
    const l = this.cur;
    this.cur = undefined;
    if (!l) return [];
    if (!l.host && !l.mac) return [];
    if (!l.starts) {
      this.ctx.problem({ code: 'time.unparsed', line: l.line.line, message: `lease ${l.ip} has no readable starts time` });
      return [];
    }
    return [netMap(l.line, l.starts, l.ip, l.host ?? l.mac!, l.ends, `DHCP lease${l.mac ? ` to ${l.mac}` : ''}`)];
  }

  end(): EventDraft[] {
    if (this.cur) this.ctx.problem({ code: 'line.malformed', line: this.cur.line.line, message: 'lease block not closed (truncated file?)' });
    return this.close();
  }
}

export const netmapDhcpParser: LogParser = {
  id: 'netmap.dhcp',
  label: 'ISC dhcpd leases',
  detect(sample) {
    const n = sample.head.filter((l) => OPEN.test(l.trim())).length;
    if (!n) return 0;
    return /dhcpd?.*leases/i.test(sample.name) ? 0.97 : 0.9;
  },
  open: (ctx) => new DhcpLines(ctx),
};
