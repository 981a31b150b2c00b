import { expect, test } from '@playwright/test';
import { generateKeyPair, SignJWT } from 'jose';
import { AppPage } from './pages/app-page';
import { everythingStored, TokenInspector } from './pages/inspector';

test('a pasted 9-day WLCG token with storage.modify:/ shows the 7-day and delete-power findings, and its signature is kept nowhere', async ({ page }) => {
  const consoleText: string[] = [];
  page.on('console', (m) => consoleText.push(m.text()));
  const { privateKey } = await generateKeyPair('RS256');
  const iat = Math.floor(Date.now() / 1000) - 3600;
  const jwt = await new SignJWT({ 'wlcg.ver': '1.0', scope: 'storage.modify:/ storage.read:/', sub: '8d3c0f6e-alice', jti: 'e2e-jti-1' })
    .setProtectedHeader({ alg: 'RS256', kid: 'rsa1', typ: 'JWT' })
    .setIssuer('https://atlas-auth.example-iam.org/')
    .setAudience('https://wlcg.cern.ch/jwt/v1/any')
    .setIssuedAt(iat)
    .setExpirationTime(iat + 9 * 86400)
    .sign(privateKey);
  const signature = jwt.split('.')[2]!;

  const app = new AppPage(page);
  await app.goto();
  // With a case open, so the case store's database exists and is checked too.
  await app.newCase();
  await app.openView('tokens');
  const inspector = new TokenInspector(page);
  await inspector.decode(jwt);
  const d = inspector.details.first();
  await expect(d.getByTestId('token-kind')).toHaveText('wlcg');
  await expect(d.getByTestId('token-findings')).toContainText('7-day absolute maximum');
  await expect(d.getByTestId('token-findings')).toContainText('delete power');
  await expect(d.getByTestId('token-claims')).toContainText('expires in 9 d');
  await expect(d.getByTestId('token-redacted')).toContainText('[sig-redacted:');
  await expect(inspector.input).toHaveValue('');
  await app.screenshot('token-inspector');

  const stored = await everythingStored(page);
  expect(stored).toContain('tokentrail/cases');
  expect(stored).toContain('sig-redacted');
  expect(stored).not.toContain(signature);
  expect(consoleText.join('\n')).not.toContain(signature);
});
