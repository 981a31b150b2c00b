/**
 * FTS url-copy transfer logs: one file per transfer, named by the transfer id
 * (`YYYY-MM-DD-HHMM__<src>__<dst>__<fileId>__<jobId>`, UTC) under the archive directory of its
 * UTC date and SE pair. FTS prints only the token's non-secret claims (no sub, no jti).
 */
import { ftsIdTime, ftsTime, utcDate } from './clock';
import type { Rng } from './prng';
import type { Bundle } from './sink';
import type { Host, World } from './world';

export interface FtsTransfer {
  t: number;
  srcHost: string;
  dstHost: string;
  srcPath: string;
  dstPath: string;
  vo: string;
  tokenClaims: Record<string, unknown>;
  jobId: string;
  fileId: string;
  size: number;
}

const CLAIM_KEYS = ['aud', 'exp', 'iat', 'iss', 'nbf', 'scope', 'wlcg.ver'];

export function ftsTransferFile(b: Bundle, fts: Host, x: FtsTransfer): string {
  const id = `${ftsIdTime(x.t)}__${x.srcHost}__${x.dstHost}__${x.fileId}__${x.jobId}`;
  const path = `${fts.fqdn}/var/log/fts3/${utcDate(x.t)}/${x.srcHost}__${x.dstHost}/${id}`;
  const claims: Record<string, unknown> = {};
  for (const k of CLAIM_KEYS) if (k in x.tokenClaims) claims[k] = x.tokenClaims[k];
  const at = (dt: number, level: string, msg: string): string => `${level.padEnd(8)}${ftsTime(x.t + dt + fts.skewMs, fts.offMin)}; ${msg}`;
  const lines = [
    at(0, 'INFO', `Destination token: ${JSON.stringify(claims)}`),
    at(0, 'INFO', `Destination token id: ${x.fileId.slice(-8)} (managed)`),
    at(0, 'INFO', `VO: ${x.vo}`),
    at(0, 'INFO', `Job id: ${x.jobId}`),
    at(0, 'INFO', `File id: ${x.fileId}`),
    at(0, 'INFO', `Source url: davs://${x.srcHost}:443${x.srcPath}?<redacted>`),
    at(0, 'INFO', `Dest url: davs://${x.dstHost}:2880${x.dstPath}`),
    at(0, 'INFO', 'Overwrite enabled: false'),
    at(1000, 'INFO', `File size: ${x.size} (source)`),
    at(2000, 'INFO', 'Transfer accepted'),
    at(2000 + Math.floor(x.size / 50_000), 'INFO', 'Transfer finished successfully'),
  ];
  b.static(path, `${lines.join('\n')}\n`);
  return path;
}

/** A handful of ordinary cms transfers into the site's storage (the same at every size). */
export function backgroundTransfers(b: Bundle, w: World, rng: Rng): void {
  for (let i = 0; i < 6; i++) {
    const t = Date.UTC(2026, 10, 21 + (i % 3), rng.int(0, 23), rng.int(0, 59), rng.int(0, 59));
    const iat = Math.floor(t / 1000) - 120;
    const path = `/pnfs/example-site.org/data/cms/store/mc/Run3Summer23/${rng.alnum(10)}/file${rng.int(1, 9999)}.root`;
    ftsTransferFile(b, w.fts, {
      t, srcHost: 'eos.example-vo.org', dstHost: w.se.fqdn, srcPath: path.replace('/pnfs/example-site.org/data', '/eos/cms'), dstPath: path, vo: 'cms',
      tokenClaims: { aud: `https://${w.se.fqdn}`, exp: iat + 3600, iat, iss: w.cms.iss, nbf: iat, scope: `storage.create:${path.replace('/pnfs/example-site.org/data/cms', '')}`, 'wlcg.ver': '1.0' },
      jobId: rng.uuid(), fileId: String(rng.int(4_400_000_000, 4_499_999_999)), size: rng.int(100_000_000, 4_000_000_000),
    });
  }
}
