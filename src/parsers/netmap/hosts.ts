/** `/etc/hosts`-style DNS dumps: `<ip> <fqdn> [aliases…]`, `#` comments. Valid as of the file time. */
import type { EventDraft } from '../../model/event';
import type { LineParser, LogParser, ParseContext } from '../../model/parser';
import type { RedactedLine } from '../../model/redaction';
import { normIp } from '../common/net';
import { fileTime, netMap } from './common';

const LINE = /^(\S+)\s+([A-Za-z0-9][\w.-]*)((?:\s+[\w.-]+)*)\s*(?:#.*)?$/;

class HostsLines implements LineParser {
  private readonly warned = { done: false };
  constructor(private readonly ctx: ParseContext) {}
  line(line: RedactedLine): EventDraft[] {
    const text = line.text.trim();
    if (!text || text.startsWith('#')) return [];
    const m = LINE.exec(text);
    const ip = m ? normIp(m[1]!) : undefined;
    if (!m || !ip) {
      this.ctx.problem({ code: 'line.malformed', line: line.line, message: 'not a hosts line (`<ip> <name> [aliases]`)' });
      return [];
    }
    const aliases = m[3]!.trim();
    return [netMap(line, fileTime(this.ctx, line.line, this.warned), ip, m[2]!.toLowerCase(), undefined, `hosts entry${aliases ? `, aliases ${aliases.split(/\s+/).join(' ')}` : ''}`)];
  }
  end(): EventDraft[] {
    return [];
  }
}

export const netmapHostsParser: LogParser = {
  id: 'netmap.hosts',
  label: 'Hosts / DNS dump',
  detect(sample) {
    const lines = sample.head.map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
    if (!lines.length) return 0;
    const ok = lines.filter((l) => {
      const m = LINE.exec(l);
      return m && normIp(m[1]!) && /[A-Za-z]/.test(m[2]!);
    }).length;
    if (ok / lines.length < 0.8) return 0;
    // A second address on a line makes it a NAT table (`<ip> <gw> <private-ip> <host>`), not a hosts file.
    if (lines.some((l) => l.split(/\s+/).slice(1).some((w) => normIp(w)))) return 0;
    return /hosts/i.test(sample.name) ? 0.9 : 0.7;
  },
  open: (ctx) => new HostsLines(ctx),
};
