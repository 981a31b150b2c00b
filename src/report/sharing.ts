import type { RedactionProfile } from '../model/redaction';
import type { SharingSummary } from './report-data';

/** Token claims a `public` report or export may show: none of them names a person. */
export const PUBLIC_CLAIMS: ReadonlySet<string> = new Set(['iss', 'aud', 'scope', 'exp', 'iat', 'nbf', 'jti', 'wlcg.ver', 'ver', 'wlcg.groups', 'client_id']);

/** Plain-words description of what a profile keeps, pseudonymises and drops. */
export function describeSharing(profile: RedactionProfile, vo?: string): SharingSummary {
  const always = ['token signatures, opaque tokens, refresh tokens, private keys and URL passwords (never shared)'];
  if (profile === 'csirt') {
    return {
      kept: ['user names, token subjects, e-mail addresses, DNs', 'IP addresses and host names', 'redacted log lines', 'token claims and redacted token forms', 'job, pilot and payload ids', 'input hashes'],
      pseudonymised: [],
      dropped: always,
    };
  }
  if (profile === 'vo') {
    return {
      kept: [
        vo ? `user names, subjects and DNs of members of ${vo}` : 'no person (no VO named: everyone is pseudonymised)',
        'IP addresses and host names',
        'redacted log lines (with people outside the VO replaced by aliases)',
        'job, pilot and payload ids',
        'input hashes',
      ],
      pseudonymised: [`user names, subjects, e-mail addresses and DNs of everyone outside ${vo ?? 'the VO'} (keyed HMAC aliases, stable within this case)`],
      dropped: [...always, 'base64 token payloads (replaced by [jwt:<fingerprint>])'],
    };
  }
  return {
    kept: ['times, event kinds, job, pilot and payload ids', 'token kinds, issuers, scopes, audiences, lifetimes, jti and fingerprints', 'input hashes'],
    pseudonymised: ['user names, subjects, e-mail addresses, DNs', 'IP addresses and host names (also inside paths and text)'],
    dropped: [...always, 'raw log lines', 'redacted token forms and personal claims'],
  };
}
