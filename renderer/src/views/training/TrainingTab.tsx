/**
 * Training: generate an incident bundle in a worker, open it as a case with the answer key
 * hidden, answer the six questions and pick the tokens to revoke, get a score with the evidence
 * path and the time taken; print it. Instructors can export the bundle with its answer key.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { buildGraph } from '../../../../src/correlate/correlate';
import type { Case } from '../../../../src/model/case';
import type { TraceAnswer } from '../../../../src/model/trace';
import type { ScenarioAnswers } from '../../../../src/scenario/answers';
import { SCENARIOS } from '../../../../src/scenario/scenarios';
import type { Difficulty } from '../../../../src/scenario/world';
import { trace } from '../../../../src/trace/trace';
import { caseStore } from '../../store';
import type { TrainingRequest, TrainingResponse } from './protocol';
import { type Score, scoreTraining } from './score';


/** Which case values a question is answered with (the trainee picks from these). */
function choicesFor(qid: string, doc: Case): string[] {
  const vals = new Set<string>();
  for (const e of doc.events) {
    const i = e.ids;
    if (qid === 'S3' && i.ip) vals.add(i.ip);
    if ((qid === 'V1' || qid === 'V2') && i.user) vals.add(i.user);
    if ((qid === 'V1' || qid === 'V2') && i.payloadId) vals.add(i.payloadId);
    if ((qid === 'S1' || qid === 'S2' || qid === 'V3') && i.pilotId) vals.add(i.pilotId);
  }
  return [...vals].sort().slice(0, 400);
}

const toQuery = (q: ScenarioAnswers['questions'][number]['query']) => ({
  at: q.at ? Date.parse(q.at) : undefined,
  until: q.until ? Date.parse(q.until) : undefined,
  ip: q.ip,
  activity: q.activity,
  job: q.job,
  user: q.user,
  vo: q.vo,
});

function save(name: string, bytes: Uint8Array) {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/zip' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function TrainingTab(props: { onOpenCase(id: string): void }) {
  const [scenario, setScenario] = useState('stolen-token');
  const [difficulty, setDifficulty] = useState<Difficulty>('normal');
  const [seed, setSeed] = useState(1);
  const [instructor, setInstructor] = useState(false);
  const [progress, setProgress] = useState<string>('');
  const [error, setError] = useState('');
  const [run, setRun] = useState<{ doc: Case; key: ScenarioAnswers; started: number; zip?: Uint8Array } | null>(null);
  const [picked, setPicked] = useState<Record<string, string[]>>({});
  const [revoke, setRevoke] = useState<string[]>([]);
  const [score, setScore] = useState<{ s: Score; evidence: Record<string, TraceAnswer[]> } | null>(null);
  const worker = useRef<Worker | null>(null);
  useEffect(() => () => worker.current?.terminate(), []);

  function start() {
    setError('');
    setScore(null);
    setPicked({});
    setRevoke([]);
    setProgress('generating 0 %');
    worker.current?.terminate();
    const w = new Worker(new URL('./training.worker.ts', import.meta.url), { type: 'module' });
    worker.current = w;
    w.onmessage = async (ev: MessageEvent<TrainingResponse>) => {
      const m = ev.data;
      if (m.type === 'progress') setProgress(`${m.stage} ${m.percent} %`);
      else if (m.type === 'error') {
        setError(m.message);
        setProgress('');
      } else {
        const row = await caseStore().importCaseJson(m.caseDoc);
        setRun({ doc: m.caseDoc, key: m.answers, started: Date.now(), zip: m.zip });
        setProgress('');
        props.onOpenCase(row.id);
        w.terminate();
      }
    };
    const req: TrainingRequest = { scenario, seed, size: 1_000_000, difficulty, withBundle: instructor };
    w.postMessage(req);
  }

  const choices = useMemo(() => (run ? Object.fromEntries(run.key.questions.map((q) => [q.id, choicesFor(q.id, run.doc)])) : {}), [run]);

  function submit() {
    if (!run) return;
    const s = scoreTraining(run.key, { questions: picked, revoke }, Math.round((Date.now() - run.started) / 1000));
    const graph = buildGraph(run.doc.events, run.doc.tokens, run.doc.settings);
    const evidence: Record<string, TraceAnswer[]> = {};
    for (const q of run.key.questions) {
      try {
        evidence[q.id] = trace(toQuery(q.query), graph);
      } catch {
        evidence[q.id] = [];
      }
    }
    setScore({ s, evidence });
  }

  return (
    <div className="training" data-testid="training">
      <form className="trace-form" onSubmit={(e) => e.preventDefault()}>
        <h3>New exercise</h3>
        <label>
          Scenario
          <select data-testid="training-scenario" value={scenario} onChange={(e) => setScenario(e.target.value)}>
            {SCENARIOS.map((s) => (
              <option key={s.name} value={s.name}>
                {s.name}: {s.description}
              </option>
            ))}
          </select>
        </label>
        <label>
          Difficulty (noise, clock skew, missing logs)
          <select data-testid="training-difficulty" value={difficulty} onChange={(e) => setDifficulty(e.target.value as Difficulty)}>
            <option value="easy">easy</option>
            <option value="normal">normal</option>
            <option value="hard">hard</option>
          </select>
        </label>
        <label>
          Seed
          <input type="number" min={0} value={seed} onChange={(e) => setSeed(Number(e.target.value))} />
        </label>
        <label>
          <span>
            <input type="checkbox" checked={instructor} onChange={(e) => setInstructor(e.target.checked)} /> instructor: also export bundle + answer key
          </span>
        </label>
        <button type="button" data-testid="training-start" onClick={start} disabled={!!progress}>
          {progress ? `Working: ${progress}` : 'Generate and open as a case'}
        </button>
      </form>
      {error && <p className="error">{error}</p>}
      {run && (
        <section className="answer" data-testid="training-sheet">
          <h3>Answer sheet — {run.doc.name}</h3>
          <p className="muted">The case is open: investigate it in the other views, then answer here. Pick every value that answers the question; tick "ambiguous" when the evidence cannot single one out.</p>
          {run.zip && (
            <button type="button" data-testid="training-export" onClick={() => save(`${run.key.scenario}-seed${run.key.seed}-${run.key.difficulty}.zip`, run.zip!)}>
              Export bundle + answer key (instructor)
            </button>
          )}
          {run.key.questions.map((q) => (
            <div key={q.id} className="candidate" data-testid={`training-q-${q.id}`}>
              <p>
                <strong>{q.id}</strong> {q.question}{' '}
                <code>{Object.entries(q.query).map(([k, v]) => `${k}=${v}`).join(' ')}</code>
              </p>
              <select
                multiple
                size={5}
                data-testid={`training-pick-${q.id}`}
                value={(picked[q.id] ?? []).filter((v) => v !== 'ambiguous')}
                onChange={(e) => {
                  const vals = [...e.target.selectedOptions].map((o) => o.value);
                  setPicked((p) => ({ ...p, [q.id]: [...vals, ...((p[q.id] ?? []).includes('ambiguous') ? ['ambiguous'] : [])] }));
                }}
              >
                {(choices[q.id] ?? []).map((v) => (
                  <option key={v} value={v}>
                    {v}
                  </option>
                ))}
              </select>
              <label>
                <input
                  type="checkbox"
                  checked={(picked[q.id] ?? []).includes('ambiguous')}
                  onChange={(e) => setPicked((p) => ({ ...p, [q.id]: [...(p[q.id] ?? []).filter((v) => v !== 'ambiguous'), ...(e.target.checked ? ['ambiguous'] : [])] }))}
                />{' '}
                ambiguous
              </label>
            </div>
          ))}
          <div className="candidate">
            <p>
              <strong>Revoke</strong> Which tokens must be revoked?
            </p>
            <select multiple size={5} data-testid="training-revoke" value={revoke} onChange={(e) => setRevoke([...e.target.selectedOptions].map((o) => o.value))}>
              {run.doc.tokens.map((t) => (
                <option key={t.fp} value={t.jti ?? t.fp.slice(0, 16)}>
                  {t.kind} {t.jti ?? t.fp.slice(0, 16)} {t.sub ? `sub ${t.sub}` : ''}
                </option>
              ))}
            </select>
          </div>
          <button type="button" data-testid="training-submit" onClick={submit}>
            Score my answers
          </button>
        </section>
      )}
      {score && run && (
        <section className="answer training-score" data-testid="training-score">
          <h3>
            Score: {score.s.correct} / {score.s.total} in {Math.floor(score.s.seconds / 60)} min {score.s.seconds % 60} s
          </h3>
          <p>{run.key.incident.summary}</p>
          <table>
            <thead>
              <tr>
                <th>Question</th>
                <th>Result</th>
                <th>Expected</th>
                <th>Missed / extra</th>
                <th>Evidence path</th>
              </tr>
            </thead>
            <tbody>
              {[...score.s.questions, score.s.revoke].map((q) => (
                <tr key={q.id} data-testid={`training-result-${q.id}`} data-right={q.right}>
                  <td>{q.id}</td>
                  <td className={q.right ? 'right' : 'wrong'}>{q.right ? 'right' : 'wrong'}</td>
                  <td>{q.expected.join(', ') || '—'}</td>
                  <td>
                    {q.missed.length ? `missed ${q.missed.join(', ')}` : ''} {q.extra.length ? `extra ${q.extra.join(', ')}` : ''}
                  </td>
                  <td>
                    {(score.evidence[q.id] ?? [])
                      .flatMap((a) => a.candidates.flatMap((c) => c.evidence))
                      .slice(0, 3)
                      .map((ev) => (
                        <div key={`${ev.input}:${ev.line}`} className="src">
                          {ev.input}:{ev.line}
                        </div>
                      ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>Containment the key expects:</p>
          <ul>
            {run.key.containment.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
          <button type="button" onClick={() => window.print()}>
            Print result
          </button>
        </section>
      )}
    </div>
  );
}
