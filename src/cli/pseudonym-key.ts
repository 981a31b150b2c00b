import { createHmac, randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * The per-case pseudonymisation key. Aliases must be stable within a case and unlinkable across
 * cases, and nobody outside may recompute them (or they could test guessed names): so the key is
 * HMAC(local secret, case id), with the secret created once per user (mode 600).
 */
export async function caseKey(caseId: string, secretPath = process.env.TOKENTRAIL_SECRET ?? join(homedir(), '.config', 'tokentrail', 'pseudonym-secret')): Promise<string> {
  let secret: Buffer;
  try {
    secret = Buffer.from((await readFile(secretPath, 'utf8')).trim(), 'hex');
    if (secret.length < 32) throw new Error('short');
  } catch {
    secret = randomBytes(32);
    await mkdir(dirname(secretPath), { recursive: true, mode: 0o700 });
    await writeFile(secretPath, `${secret.toString('hex')}\n`, { mode: 0o600 });
  }
  return createHmac('sha256', secret).update(`tokentrail-case-key\u0000${caseId}`).digest('hex');
}
