import type { EventIds } from './ids';
import type { Severity } from './severity';
import type { EventTime } from './time';

/** What happened, in the words correlation understands. */
export type EventKind =
  | 'token.issue' // issuer minted an access/refresh token
  | 'token.refresh' // a refresh token was redeemed
  | 'token.use' // a token was presented to a service (auth success)
  | 'token.reject' // a token was presented and refused
  | 'token.exposure' // a credential appears in a log line or file
  | 'auth.login' // non-token login (ssh, x509)
  | 'auth.fail'
  | 'job.submit' // job entered a CE/schedd queue
  | 'job.route' // CE job routed to a batch job
  | 'job.start' // batch job started on a worker node
  | 'job.end'
  | 'job.record' // a job ClassAd / accounting record (history)
  | 'pilot.start'
  | 'pilot.end'
  | 'payload.start'
  | 'payload.end'
  | 'storage.access' // read/write/delete/stat on storage
  | 'transfer' // FTS transfer
  | 'http.request' // web server access line
  | 'net.map' // evidence that an IP belongs to a host for an interval
  | 'log'; // a line with time but nothing more specific

/** Where an event came from: the evidence pointer every answer cites. */
export interface EventSource {
  /** Input path as shown to the analyst, archive members as `bundle.tar.gz!/var/log/x`. */
  input: string;
  /** 1-based line number in that input. */
  line: number;
  /** Parser id that produced the event. */
  parser: string;
}

/** One thing a log line says happened. `text` is the redacted line, never the raw one. */
export interface TgEvent {
  /** Deterministic id: same input, same id. */
  id: string;
  time: EventTime;
  src: EventSource;
  kind: EventKind;
  ids: EventIds;
  /** The redacted line (cut at the line-length limit with a marker). */
  text: string;
  /** Short human summary, e.g. `token used to PUT /store/user/alice/out.root from 203.0.113.7`. */
  summary?: string;
  severity?: Severity;
}

/** An event before ingestion gives it its id. */
export type EventDraft = Omit<TgEvent, 'id' | 'src'> & { src?: Partial<EventSource> };
