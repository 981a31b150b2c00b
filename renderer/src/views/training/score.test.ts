import { describe, expect, it } from 'vitest';
import { generateScenario } from '../../../../src/scenario/generate';
import { expectedValues, scoreTraining } from './score';

describe('training score', () => {
  it('full marks for the key itself, and names what was missed and what was extra', async () => {
    const gen = await generateScenario({ name: 'nat-ambiguity', seed: 2, size: 1_000_000 });
    for await (const f of gen.files) for await (const _ of f.chunks);
    const key = await gen.answers;
    const perfect = Object.fromEntries(key.questions.map((q) => [q.id, expectedValues(q)]));
    const s = scoreTraining(key, { questions: perfect, revoke: key.compromisedTokens.map((t) => t.fingerprint.slice(0, 16)) }, 42);
    expect(s.correct).toBe(s.total);
    expect(s.seconds).toBe(42);
    const q0 = key.questions[0]!;
    const wrong = scoreTraining(key, { questions: { ...perfect, [q0.id]: [...expectedValues(q0).slice(1), 'made-up'] }, revoke: [] }, 1);
    const w = wrong.questions.find((q) => q.id === q0.id)!;
    expect(w.right).toBe(false);
    expect(w.extra).toEqual(['made-up']);
    expect(w.missed.length).toBeGreaterThan(0);
    expect(wrong.correct).toBeLessThan(wrong.total);
  });
});
