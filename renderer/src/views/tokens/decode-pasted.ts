/**
 * Decodes pasted text or a token file into what the inspector may keep: TokenInfo (claims and the
 * redacted form, never the secret) and its policy findings. The raw text is not stored anywhere.
 */
import type { Finding, TokenInfo } from '../../../../src/model';
import { findInTokenFile, inspectSecret, judgeToken } from '../../../../src/tokens';

export interface Inspected {
  token: TokenInfo;
  findings: Finding[];
}

export async function decodePasted(text: string, nowMs = Date.now()): Promise<Inspected[]> {
  const seen = new Set<string>();
  const out: Inspected[] = [];
  for (const m of findInTokenFile(text)) {
    const token = await inspectSecret(m.value, m.hint);
    if (seen.has(token.fp)) continue;
    seen.add(token.fp);
    out.push({ token, findings: judgeToken(token, { at: nowMs }) });
  }
  return out;
}
