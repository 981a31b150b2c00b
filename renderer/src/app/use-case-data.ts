/** Loads what the views of one case need from the store, again whenever `revision` changes. */
import { useEffect, useState } from 'react';
import type { Entity, Finding, InputRecord, Problem, TokenInfo } from '../../../src/model';
import { type CaseRow, caseStore } from '../store';

export interface CaseData {
  row: CaseRow;
  inputs: InputRecord[];
  problems: Problem[];
  tokens: TokenInfo[];
  tokenEntities: Entity[];
  findings: Finding[];
  stars: string[];
}

export function useCaseData(caseId: string | null, revision: number): CaseData | null {
  const [data, setData] = useState<CaseData | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: revision is the refetch trigger
  useEffect(() => {
    if (!caseId) {
      setData(null);
      return;
    }
    let live = true;
    const s = caseStore();
    (async () => {
      const row = await s.getCase(caseId);
      if (!row) return null;
      const [inputs, problems, tokens, findings, stars, entities] = await Promise.all([
        s.getInputs(caseId),
        s.getProblems(caseId),
        s.getTokens(caseId),
        s.getFindings(caseId),
        s.getStars(caseId),
        s.db.entities.where('[caseId+kind]').equals([caseId, 'token']).toArray(),
      ]);
      return { row, inputs, problems, tokens, findings, stars, tokenEntities: entities };
    })().then((d) => live && setData(d));
    return () => {
      live = false;
    };
  }, [caseId, revision]);
  return data;
}
