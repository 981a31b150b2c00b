/**
 * Job ClassAds: `condor_history -l` / `condor_q -l` output (ads separated by blank lines), the
 * on-disk history file (each ad ended by a `*** …` banner line) and `condor_history -json` /
 * `condor_q -json` arrays (pretty-printed, one attribute per line). One `job.record` per ad, whose
 * evidence line is the ad's first attribute line (see ad-events.ts for the derived start/end).
 */
import type { EventDraft } from '../../model/event';
import type { InputSample, LineParser, LogParser, ParseContext } from '../../model/parser';
import { ClassAd, parseClassAdLine, unquoteClassAdValue } from '../common/classad';
import { borrowedTime, tokenExposure } from '../common/exposure';
import { baseName } from '../common/identity';
import type { RedactedLine } from '../../model/redaction';
import { type AdOrigin, adEvents } from './ad-events';

const KNOWN = /^"?(ClusterId|ProcId|GlobalJobId|QDate|Owner|JobStatus|RoutedFromJobId|AuthTokenSubject|JobUniverse|Cmd|LastRemoteHost)"?\s*[=:]/;

const BANNER_ATTR = /([A-Za-z_]+) = ("[^"]*"|\S+)/g;

function detect(sample: InputSample): number {
  const name = baseName(sample.name);
  const byName = /^history(\.\d{8}T\d{6})?$|^(condor_history|condor_q).*\.(txt|out|json)$/.test(name);
  let known = 0;
  let attrs = 0;
  let other = 0;
  for (const raw of sample.head) {
    const l = raw.trim();
    if (!l || l === '[' || l === ']' || l === '{' || l === '}' || l === '},' || l === ',' || l.startsWith('*** ')) continue;
    if (KNOWN.test(l)) known++;
    if (parseClassAdLine(l) || /^"[A-Za-z_][A-Za-z0-9_]*"\s*:/.test(l)) attrs++;
    else other++;
  }
  if (known >= 2 && attrs > other * 3) return byName ? 0.97 : 0.9;
  if (byName && other === 0) return 0.5;
  return 0;
}

function open(ctx: ParseContext): LineParser {
  let mode: 'classad' | 'json' | undefined;
  let ad = new ClassAd();
  let origin: AdOrigin | undefined;
  /** Attribute lines of the current ad that held credentials (e.g. a token in Environment). */
  let secretLines: RedactedLine[] = [];
  let lastTime: EventDraft['time'] | undefined;

  const flush = (): EventDraft[] => {
    const a = ad;
    const o = origin;
    const secrets = secretLines;
    ad = new ClassAd();
    origin = undefined;
    secretLines = [];
    if (!o || a.size === 0) return [];
    const evs = adEvents(a, o);
    if (!evs) {
      ctx.problem({ code: 'time.unparsed', line: o.line, message: 'job ClassAd without QDate, JobStartDate or CompletionDate' });
      return [];
    }
    const rec = evs[0];
    lastTime = rec.time;
    if (secrets.length) {
      const t = { ...rec.time, assumed: 'time of the job ClassAd this attribute belongs to' };
      for (const rl of secrets) evs.push(...tokenExposure(rl, t, { ...rec.ids }));
    }
    return evs;
  };
  const add = (name: string, value: string, rl: RedactedLine) => {
    if (!origin) origin = { line: rl.line, text: rl.text };
    if (rl.secrets.length) secretLines.push(rl);
    ad.set(name, value);
  };
  /** Reports an unreadable line; a credential in it still becomes an exposure (with the ad or the last ad's time). */
  const malformed = (rl: RedactedLine, what: string): EventDraft[] => {
    ctx.problem({ code: 'line.malformed', line: rl.line, message: what });
    if (!rl.secrets.length) return [];
    if (origin) {
      secretLines.push(rl);
      return [];
    }
    return lastTime ? tokenExposure(rl, borrowedTime(lastTime)) : [];
  };

  function banner(text: string) {
    // `*** Offset = N ClusterId = C ProcId = P Owner = "x" CompletionDate = D` (older: `*** ProcId = …`)
    // repeats key attributes; the history reader (condor_history) sscanf()s this order.
    BANNER_ATTR.lastIndex = 0;
    for (let m = BANNER_ATTR.exec(text); m; m = BANNER_ATTR.exec(text)) if (!ad.has(m[1])) ad.set(m[1], unquoteClassAdValue(m[2]).value);
  }

  function jsonLine(t: string, rl: RedactedLine): EventDraft[] {
    if (t === '[' || t === ']' || t === ',' || t === '{') return t === '{' ? flush() : [];
    if (t === '}' || t === '},') return flush();
    const m = /^"([A-Za-z_][A-Za-z0-9_.]*)"\s*:\s*(.*?),?$/.exec(t);
    if (!m) {
      return malformed(rl, 'not a ClassAd JSON attribute line');
    }
    let value: string;
    try {
      const v: unknown = JSON.parse(m[2]);
      value = typeof v === 'string' ? v : JSON.stringify(v);
    } catch {
      return malformed(rl, 'ClassAd JSON value does not parse');
    }
    add(m[1], value, rl);
    return [];
  }

  return {
    line(rl) {
      const t = rl.text.trim();
      if (mode === undefined) {
        if (!t) return [];
        mode = t.startsWith('[') || t.startsWith('{') ? 'json' : 'classad';
      }
      if (mode === 'json') return t ? jsonLine(t, rl) : [];
      if (!t) return flush();
      if (t.startsWith('*** ')) {
        banner(t);
        return flush();
      }
      // condor_q prints `-- Schedd: name : <sinful>` before the ads of each schedd.
      if (t.startsWith('-- ')) return [];
      const a = parseClassAdLine(t);
      if (!a) {
        return malformed(rl, 'not a ClassAd attribute line');
      }
      add(a.name, a.value, rl);
      return [];
    },
    end: flush,
  };
}

/** Job ClassAds (history file, condor_history/condor_q -l and -json). */
export const historyParser: LogParser = { id: 'htcondor.history', label: 'HTCondor job ClassAds (history)', detect, open };
