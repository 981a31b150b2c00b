import type { Scope } from '../model/token';

/**
 * Splits a scope string into (action, path) pairs across profiles: WLCG `storage.read:/path`,
 * `compute.create`, SciTokens `read:/path` (path defaults to `/`), HTCondor `condor:/READ`, and the
 * old URI form `https://scitokens.org/v1/authz/read:/`.
 */
export function parseScopes(scope: unknown): Scope[] {
  const raw = typeof scope === 'string' ? scope.split(/\s+/) : Array.isArray(scope) ? scope.map(String) : [];
  return raw.filter(Boolean).map(parseScope);
}

export function parseScope(raw: string): Scope {
  const s = raw.replace(/^https:\/\/scitokens\.org\/v1\/authz\//, '');
  if (s.startsWith('condor:')) return { raw, action: s };
  const m = /^(storage\.[a-z]+|read|write|queue|execute)(?::(.*))?$/.exec(s);
  if (m) {
    const path = m[2] ?? (m[1]!.startsWith('storage.') ? undefined : '/');
    return path === undefined ? { raw, action: m[1]! } : { raw, action: m[1]!, path };
  }
  return { raw, action: s };
}

/** True when the scope grants write/delete power over the whole namespace. */
export function isRootWrite(s: Scope): boolean {
  return ['storage.modify', 'storage.create', 'write'].includes(s.action) && (s.path === '/' || s.path === '' || s.path === undefined);
}
