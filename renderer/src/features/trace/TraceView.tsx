/**
 * Trace: one form per traceability question, in plain words. Answers list their candidates with
 * evidence, and say when they are ambiguous or when the evidence has gaps.
 */
import { useState } from 'react';
import type { TraceAnswer, TraceQuery } from '../../../../src/model/trace';
import { EvidenceList } from '../evidence/EvidenceList';

type FormId = 'S1' | 'S2' | 'S3' | 'V1' | 'V2' | 'V3' | 'token';

const FORMS: { id: FormId; title: string; fields: (keyof Fields)[] }[] = [
  { id: 'S1', title: 'Who was behind this IP at this time? (S1 VOs and jobs, V1 users and payloads)', fields: ['at', 'ip'] },
  { id: 'S2', title: 'Which one VO job did this activity from this IP? (S2)', fields: ['at', 'ip', 'activity'] },
  { id: 'S3', title: 'Which IPs did this VO use in this period? (S3)', fields: ['at', 'until', 'vo'] },
  { id: 'V2', title: 'Which user payload ran in this pilot job at this IP? (V2)', fields: ['at', 'ip', 'job'] },
  { id: 'V3', title: "Which pilots ran this user's payloads? (V3)", fields: ['at', 'until', 'user'] },
  { id: 'token', title: 'What did this token do, and what can it still do? (token story)', fields: ['token', 'at'] },
];

interface Fields {
  at: string;
  until: string;
  ip: string;
  activity: string;
  job: string;
  user: string;
  vo: string;
  token: string;
}

const LABEL: Record<keyof Fields, string> = {
  at: 'Time (UTC, ISO 8601)',
  until: 'Until (UTC)',
  ip: 'IP address',
  activity: 'Activity (path, operation or text)',
  job: 'Job or pilot id',
  user: 'User name or token subject',
  vo: 'VO',
  token: 'Token fingerprint or jti',
};

export function toQuery(f: Partial<Fields>, windowMin: number): TraceQuery {
  const t = (s?: string) => (s ? Date.parse(s.endsWith('Z') || /[+-]\d\d:?\d\d$/.test(s) ? s : `${s}Z`) : undefined);
  const q: TraceQuery = { windowMs: windowMin * 60_000 };
  const at = t(f.at);
  const until = t(f.until);
  if (at !== undefined && !Number.isNaN(at)) q.at = at;
  if (until !== undefined && !Number.isNaN(until)) q.until = until;
  for (const k of ['ip', 'activity', 'job', 'user', 'vo', 'token'] as const) if (f[k]?.trim()) q[k] = f[k]!.trim();
  return q;
}

export function TraceView(props: { run(q: TraceQuery): Promise<TraceAnswer[]>; defaults?: Partial<Fields> }) {
  const [form, setForm] = useState<FormId>('S1');
  const [fields, setFields] = useState<Partial<Fields>>(props.defaults ?? {});
  const [windowMin, setWindowMin] = useState(5);
  const [answers, setAnswers] = useState<TraceAnswer[] | null>(null);
  const [error, setError] = useState('');
  const spec = FORMS.find((f) => f.id === form)!;

  async function ask(e: React.FormEvent) {
    e.preventDefault();
    setError('');
    try {
      const picked = Object.fromEntries(spec.fields.map((k) => [k, fields[k]])) as Partial<Fields>;
      setAnswers(await props.run(toQuery(picked, windowMin)));
    } catch (err) {
      setError((err as Error).message);
      setAnswers(null);
    }
  }

  return (
    <div className="trace" data-testid="trace">
      <div className="trace-forms" role="tablist">
        {FORMS.map((f) => (
          <button key={f.id} type="button" role="tab" aria-selected={f.id === form} data-testid={`trace-form-${f.id}`} onClick={() => setForm(f.id)}>
            {f.id === 'S1' ? 'S1/V1' : f.id}
          </button>
        ))}
      </div>
      <form className="trace-form" onSubmit={ask}>
        <h3>{spec.title}</h3>
        {spec.fields.map((k) => (
          <label key={k}>
            {LABEL[k]}
            <input data-testid={`trace-${k}`} value={fields[k] ?? ''} onChange={(e) => setFields((f) => ({ ...f, [k]: e.target.value }))} />
          </label>
        ))}
        <label>
          Window ± minutes
          <input type="number" min={0} value={windowMin} onChange={(e) => setWindowMin(Number(e.target.value))} />
        </label>
        <button type="submit" data-testid="trace-ask">
          Ask
        </button>
      </form>
      {error && <p className="error" role="alert">{error}</p>}
      {answers?.map((a) => (
        <section key={a.question} className="answer" data-testid="trace-answer" data-question={a.question}>
          <h3>
            {a.question} {a.ambiguous && <span className="sev sev-medium">ambiguous</span>}
          </h3>
          <p>{a.explanation}</p>
          <p className="muted">Clock-skew tolerance ±{Math.round(a.clockToleranceMs / 1000)} s.</p>
          {a.gaps.length > 0 && (
            <ul className="gaps">
              {a.gaps.map((g) => (
                <li key={g}>Gap: {g}</li>
              ))}
            </ul>
          )}
          {a.candidates.map((c, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: candidates have no natural key
            <div key={i} className="candidate" data-testid="trace-candidate">
              <p>
                <strong>{c.confidence}</strong>
                {c.reason ? ` — ${c.reason}` : ''}
              </p>
              <dl>
                {c.vo && (
                  <>
                    <dt>VO</dt>
                    <dd>{c.vo}</dd>
                  </>
                )}
                {(
                  [
                    ['Jobs', c.jobIds],
                    ['Pilots', c.pilotIds],
                    ['Payloads', c.payloadIds],
                    ['Users', c.users],
                    ['IPs', c.ips],
                    ['Hosts', c.hosts],
                    ['Tokens', c.tokens.map((t) => t.slice(0, 16))],
                  ] as const
                ).map(([label, xs]) =>
                  xs.length ? (
                    <div key={label}>
                      <dt>{label}</dt>
                      <dd>{xs.join(', ')}</dd>
                    </div>
                  ) : null,
                )}
              </dl>
              <EvidenceList items={c.evidence} />
            </div>
          ))}
        </section>
      ))}
    </div>
  );
}
