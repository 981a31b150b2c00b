import { generateKeyPair, SignJWT } from 'jose';
import { expect, it } from 'vitest';
import { decodePasted } from './decode-pasted';

it('decodes a pasted WLCG token into claims, redacted form and findings, keeping no signature', async () => {
  const { privateKey } = await generateKeyPair('RS256');
  const iat = Math.floor(Date.UTC(2026, 10, 20) / 1000);
  const jwt = await new SignJWT({ 'wlcg.ver': '1.0', scope: 'storage.modify:/ storage.read:/', sub: 'a1b2', jti: 'j-1' })
    .setProtectedHeader({ alg: 'RS256', kid: 'k1', typ: 'JWT' })
    .setIssuer('https://atlas-auth.example-iam.org/')
    .setAudience('https://wlcg.cern.ch/jwt/v1/any')
    .setIssuedAt(iat)
    .setExpirationTime(iat + 9 * 86400)
    .sign(privateKey);
  const [r] = await decodePasted(`  ${jwt}\n`, (iat + 3600) * 1000);
  expect(r?.token.kind).toBe('wlcg');
  expect(r?.token.lifetimeS).toBe(9 * 86400);
  expect(r?.findings.map((f) => f.rule)).toEqual(expect.arrayContaining(['policy.lifetime.max7d', 'policy.scope.delete-power']));
  const sig = jwt.split('.')[2]!;
  expect(JSON.stringify(r)).not.toContain(sig);
  expect(r?.token.redacted).toMatch(/\[sig-redacted:[0-9a-f]{16}\]$/);
  expect(await decodePasted('nothing secret here')).toEqual([]);
});
