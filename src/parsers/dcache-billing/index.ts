/**
 * dCache billing files (DOMAIN.md §5.2): `MM.dd HH:mm:ss [cellType:cellName:type] …` with no year
 * and no zone (year from the context, zone assumed). Door request/remove lines carry
 * `["owner":uid:gid:clientChain]`; mover lines carry `{protocol:ip:port:host:port}`.
 * One `storage.access` per line. The year comes from the file's name, `billing-2026.11.23` (dCache
 * writes one file a day), unless the analyst gave one: it is surer than a copied file's time.
 */
import type { EventDraft } from '../../model/event';
import { ANALYST_YEAR, type LineParser, type LogParser, type ParseContext } from '../../model/parser';
import type { RedactedLine } from '../../model/redaction';
import { exposureEvent, hasSecret, makeEvent } from '../common/draft';
import { normIp } from '../common/net';
import { assumedTime, yearOfDate } from '../common/time';
import { hostFromPath } from '../common/identity';

const HEAD = /^(\d{2})\.(\d{2}) (\d{2}):(\d{2}):(\d{2}) \[([^:\]]+):([^\]]+):([^:\]]+)\] (.*)$/;
const OWNER = /^\["((?:[^"\\]|\\.)*)":(-?\d+):(-?\d+):([^\]]*)\]/;
const FILE = /\[([0-9A-Fa-f]{20,}|<Unknown>)?,(-?\d+)\] \[([^\]]*)\]/;
const PROTO = /\{([A-Za-z]+-[\d.]+):([^:{}]+|\[[^\]]+\]):(\d+):([^:{}]+):(\d+)\}/;
const RC = /\{(-?\d+):"((?:[^"\\]|\\.)*)"\}\s*$/;

/** `billing-2026.11.23`, `billing-2026.11.23.gz` (the ingest strips `.gz`), as dCache names the files. */
const DATED_NAME = /(?:^|\/)billing-(\d{4})\.(\d{2})\.(\d{2})(?:[.-]|$)/;

/**
 * The context with the year from a dated billing file name, when the analyst did not set one; the
 * named day stands in for the file time (a date after it belongs to the year before, `yearOfDate`).
 */
function withNameYear(ctx: ParseContext): ParseContext {
  const m = DATED_NAME.exec(ctx.input);
  if (!m || ctx.yearSource === ANALYST_YEAR) return ctx;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return { ...ctx, year: y, yearSource: `file name billing-${m[1]}.${m[2]}.${m[3]}`, fileTimeMs: Date.UTC(y, mo - 1, d, 12), problem: ctx.problem };
}

const OPS: Record<string, string> = { remove: 'delete', restore: 'stage', store: 'flush', transfer: 'transfer', request: 'request' };

class BillingLines implements LineParser {
  private readonly pathHost: string | undefined;
  private readonly ctx: ParseContext;
  constructor(ctx: ParseContext) {
    this.ctx = withNameYear(ctx);
    this.pathHost = hostFromPath(ctx.input);
  }

  line(line: RedactedLine): EventDraft[] {
    if (!line.text.trim()) return [];
    const m = HEAD.exec(line.text);
    if (!m) {
      this.ctx.problem({ code: 'line.malformed', line: line.line, message: 'not a dCache billing line (`MM.dd HH:mm:ss [cellType:cellName:type] …`)' });
      return [];
    }
    const n = m.slice(1, 6).map(Number) as [number, number, number, number, number];
    if (n[0] < 1 || n[0] > 12 || n[1] < 1 || n[1] > 31) {
      this.ctx.problem({ code: 'time.unparsed', line: line.line, message: `invalid date ${m[1]}.${m[2]}` });
      return [];
    }
    const y = yearOfDate(this.ctx, n[0], n[1]);
    const time = assumedTime(line.text.slice(0, 14), this.ctx.tz, { year: y.year, month: n[0], day: n[1], hour: n[2], minute: n[3], second: n[4] }, y.source);
    const rest = m[9]!;
    const owner = OWNER.exec(rest);
    const file = FILE.exec(rest);
    const proto = PROTO.exec(rest);
    const rc = RC.exec(rest);
    const who = owner?.[1];
    const isDn = !!who && (who.startsWith('/') || /CN=/.test(who));
    const sub = who && !isDn && who !== '' ? who.replace(/@[^@]*$/, '') : undefined;
    const ip = normIp(owner?.[4]?.split(',')[0] ?? '') ?? (proto ? normIp(proto[2]!) : undefined);
    const type = m[8]!;
    const ids = {
      host: proto?.[4]?.toLowerCase() ?? this.pathHost,
      ip,
      sub,
      dn: isDn ? who : undefined,
      user: owner && owner[2] !== '-1' ? `${owner[2]}:${owner[3]}` : undefined,
      endpoint: file?.[3] || undefined,
      op: OPS[type] ?? type,
      status: rc?.[1],
    };
    const summary = `dCache ${m[6]} ${m[7]} ${type} ${ids.endpoint ?? '?'}${ip ? ` from ${ip}` : ''}${who ? ` by ${who}` : ''} → ${rc ? `${rc[1]}${rc[2] ? ` ${rc[2]}` : ''}` : '?'}`;
    const out = [makeEvent(line, 'storage.access', time, ids, summary)];
    if (hasSecret(line)) out.push(exposureEvent(line, time, ids, 'a dCache billing file'));
    return out;
  }

  end(): EventDraft[] {
    return [];
  }
}

export const dcacheBillingParser: LogParser = {
  id: 'dcache.billing',
  label: 'dCache billing',
  detect(sample) {
    const lines = sample.head.filter((l) => l.trim());
    if (!lines.length) return 0;
    const ok = lines.filter((l) => HEAD.test(l)).length / lines.length;
    if (!ok) return 0;
    return Math.min(0.97, ok * 0.9 + (/billing/i.test(sample.name) ? 0.07 : 0));
  },
  open: (ctx) => new BillingLines(ctx),
};
