/** ARC "owner"/"subject" values: an X.509 DN, or a token identity `<iss>/<sub>` (README.md). */
import type { EventIds } from '../../model/ids';
import { voFromIssuer } from '../common/identity';

/** `https://atlas-auth.example-iam.org//7c1e…` → iss `https://atlas-auth.example-iam.org/` + sub; `/DC=…` → dn. */
export function ownerIds(owner: string): EventIds {
  const o = owner.trim();
  if (!o) return {};
  if (/^https?:\/\//.test(o)) {
    const slash = o.lastIndexOf('/');
    const sub = o.slice(slash + 1);
    const iss = o.slice(0, slash);
    if (!sub || !/^https?:\/\/[^/]+/.test(iss)) return { iss: o };
    const ids: EventIds = { iss, sub };
    const vo = voFromIssuer(iss);
    if (vo) ids.vo = vo;
    return ids;
  }
  return o.startsWith('/') ? { dn: o } : { user: o };
}
