/**
 * DIRAC pilot / JobAgent / JobWrapper logs (DOMAIN.md §8.2). Line forms: current
 * `2026-11-23T13:12:00,123456Z System/Component[/sub] [thread] LEVEL: message` (UTC) and legacy
 * `2026-11-23 13:12:00 UTC System/Component LEVEL: message`. `Received JobID=…, Owner=…,
 * OwnerGroup=…` starts a payload; the pilot reference / stamp identifies the pilot. End-of-payload
 * message wording is [unconfirmed] and matched loosely.
 */
import type { EventDraft, EventKind } from '../../model/event';
import type { EventIds } from '../../model/ids';
import type { LineParser, LogParser, ParseContext } from '../../model/parser';
import type { RedactedLine } from '../../model/redaction';
import type { EventTime } from '../../model/time';
import { exposureEvent, hasSecret, makeEvent } from '../common/draft';
import { parseKv } from '../common/kv';
import { isoTime } from '../common/stamp';
import { hostFromPath } from '../common/identity';

const CURRENT = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:[,.]\d+)?Z) (\S+)(?: \[[^\]]*\])? ([A-Z]+): ?(.*)$/;
const LEGACY = /^(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}) UTC (\S+)(?: \[[^\]]*\])? ([A-Z]+): ?(.*)$/;
const RECEIVED = /Received JobID=(\d+)/;
const PILOT_REF = /(?:PilotReference|pilot ?reference|pilotStamp|DIRAC_PILOT_STAMP|pilot stamp)\s*[:=]\s*['"]?([^\s'",]+)/i;
const HOST = /(?:hostname|host name|running on host)\s*[:=]?\s*['"]?([A-Za-z0-9][A-Za-z0-9.-]*\.[A-Za-z]{2,})/i;
const PAYLOAD_END = /Job (?:execution )?(?:finished|completed|done)|Payload (?:finished|completed|exited)|JobWrapper\b.*\b(?:finished|completed)|Application (?:finished|exited|completed)/i;
const PILOT_BANNER = /DIRAC pilot|dirac-pilot|Pilot version|PilotLogger/i;

class DiracLines implements LineParser {
  private readonly ids: EventIds = {};
  private prev: EventTime | undefined;
  private pilotStarted = false;
  constructor(private readonly ctx: ParseContext) {
    // The worker node from the input path until the log names it.
    const host = hostFromPath(ctx.input);
    if (host) this.ids.host = host;
  }

  line(line: RedactedLine): EventDraft[] {
    if (!line.text.trim()) return [];
    const m = CURRENT.exec(line.text) ?? LEGACY.exec(line.text);
    let time: EventTime | undefined;
    let msg: string;
    let component = '';
    if (m) {
      // Both forms are UTC: the legacy one says so in words, the current one with `Z`.
      const t = isoTime(m[1]!.includes('T') ? m[1]! : `${m[1]!}Z`, this.ctx);
      time = t && { ...t, text: m[1]!.includes('T') ? t.text : `${m[1]!} UTC` };
      component = m[2]!;
      msg = m[4]!;
    } else {
      if (!this.prev || /[\u0000-\u0008\u000e-\u001f\ufffd]/.test(line.text)) {
        this.ctx.problem({ code: 'line.malformed', line: line.line, message: 'not a DIRAC log line (expected `YYYY-MM-DDTHH:MM:SS,ffffffZ System/Component LEVEL: …`)' });
        return [];
      }
      time = { ...this.prev, assumed: 'continuation of the previous line' };
      msg = line.text.trim();
    }
    if (!time) {
      this.ctx.problem({ code: 'time.unparsed', line: line.line, message: 'unreadable DIRAC timestamp' });
      return [];
    }
    if (m) this.prev = time;

    let kind: EventKind | undefined;
    let summary = '';
    const ref = PILOT_REF.exec(msg);
    if (ref) this.ids.pilotId = ref[1];
    const host = HOST.exec(msg);
    if (host) this.ids.host = host[1]!.toLowerCase();
    const rec = RECEIVED.exec(msg);
    if (!this.pilotStarted && (PILOT_BANNER.test(msg) || /^Pilot/.test(component))) {
      this.pilotStarted = true;
      kind = 'pilot.start';
      summary = 'DIRAC pilot started';
    }
    if (rec) {
      const kv = parseKv(msg.replace(/,\s*/g, ' '));
      this.ids.payloadId = rec[1];
      this.ids.user = kv.get('Owner');
      const group = kv.get('OwnerGroup');
      this.ids.vo = group ? group.split('_')[0]!.toLowerCase() : undefined;
      kind = 'payload.start';
      summary = `DIRAC job ${rec[1]} of ${this.ids.user ?? '?'} (${group ?? '?'}) received`;
    } else if (this.ids.payloadId && PAYLOAD_END.test(msg)) {
      kind = 'payload.end';
      summary = `DIRAC job ${this.ids.payloadId} ended: ${msg.slice(0, 100)}`;
    }
    const out: EventDraft[] = [];
    if (kind) out.push(makeEvent(line, kind, time, { ...this.ids }, summary));
    if (hasSecret(line)) out.push(exposureEvent(line, time, { ...this.ids }, 'a DIRAC pilot log'));
    return out;
  }

  end(): EventDraft[] {
    return [];
  }
}

export const diracPilotParser: LogParser = {
  id: 'dirac.pilot',
  label: 'DIRAC pilot / JobAgent log',
  detect(sample) {
    const lines = sample.head.filter((l) => l.trim());
    const hits = lines.filter((l) => CURRENT.test(l) || LEGACY.test(l)).length;
    if (!hits) return 0;
    const dirac = lines.some((l) => /(WorkloadManagement|Framework|DataManagement|Pilot)\/\w+|JobID=|DIRAC/.test(l));
    return Math.min(0.95, (hits / lines.length) * (dirac ? 0.95 : 0.5));
  },
  open: (ctx) => new DiracLines(ctx),
};
