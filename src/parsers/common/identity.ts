/**
 * Small identity helpers shared by site parsers: VO from WLCG groups or an issuer URL, worker
 * node host and slot from `slot1_3@wn042.example-site.org`, a host name from an input path.
 */

/** `/cms/pilot` → `cms` (first path element of the first group). */
export function voFromGroups(groups: readonly string[] | string | undefined): string | undefined {
  const list = typeof groups === 'string' ? groups.split(/[,\s]+/) : (groups ?? []);
  for (const g of list) {
    const m = /^\/?([A-Za-z0-9._-]+)/.exec(g.trim());
    if (m) return m[1].toLowerCase();
  }
  return undefined;
}

/**
 * `https://cms-auth.example-iam.org/` → `cms`: WLCG IAM instances are named `<vo>-auth.<domain>`.
 * Anything else gives undefined (guessing a VO from an arbitrary issuer would mislead).
 */
export function voFromIssuer(iss: string | undefined): string | undefined {
  if (!iss) return undefined;
  const m = /^https?:\/\/([a-z0-9]+)-auth\./i.exec(iss);
  return m ? m[1].toLowerCase() : undefined;
}

/** `slot1_3@wn042.example-site.org` → host + slot; a bare host gives only the host. */
export function splitSlotHost(text: string): { host?: string; slot?: string } {
  const t = text.trim();
  if (!t) return {};
  const at = t.lastIndexOf('@');
  if (at < 0) return { host: t.toLowerCase() };
  return { slot: t.slice(0, at) || undefined, host: t.slice(at + 1).toLowerCase() || undefined };
}

const FQDN = /^(?=.{4,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/i;
const NOT_HOST = /\.(log|gz|bz2|xz|zip|tar|tgz|txt|out|err|json|local|old|conf|d)$/i;

/**
 * The host an input path names, e.g. `bundle.tar.gz!/wn042.example-site.org/var/log/condor/StartLog`
 * → `wn042.example-site.org`: hand-overs usually put each machine's logs under a folder named
 * after it. Takes the last path element that looks like a FQDN (and not like a file name).
 */
export function hostFromPath(path: string): string | undefined {
  const parts = path.split(/[/\\!]+/).filter(Boolean);
  for (let i = parts.length - 1; i >= 0; i--) {
    const p = parts[i];
    const labels = p.split('.');
    if (labels.length >= 3 && FQDN.test(p) && !NOT_HOST.test(p) && /^[a-z]{2,}$/i.test(labels[labels.length - 1])) {
      return p.toLowerCase();
    }
  }
  return undefined;
}

/** The base name of a path (after the last `/`, `\` or archive `!`). */
export function baseName(path: string): string {
  const parts = path.split(/[/\\!]+/);
  return parts[parts.length - 1] ?? path;
}
