/**
 * The redaction invariant corpus: realistic grid log lines holding every credential form, plus
 * negatives that must come through untouched. Tokens are real, signed with jose at build time.
 * Every output path of tokentrail is tested against it: no `secrets` substring may survive.
 */
import { exportJWK, exportPKCS8, generateKeyPair, type JSONWebKeySet, SignJWT, UnsecuredJWT } from 'jose';

export interface Corpus {
  /** Lines in real log formats, each holding one or more credentials. */
  lines: string[];
  /** Substrings that must never appear in any output (signatures, whole opaque tokens, key bodies, passwords). */
  secrets: string[];
  /** Lines without credentials: must be byte-identical after redaction. */
  negatives: string[];
  /** Personal identifiers in the lines (must not survive the public profile). */
  personal: { users: string[]; subjects: string[]; ips: string[]; emails: string[] };
  /** Full tokens by name, for tests that need one (e.g. the 9-day WLCG write token). */
  tokens: Record<string, string>;
  /** Public JWKS of the RS256 key that signed the JWS tokens (kid rsa1), for offline verification tests. */
  jwks: JSONWebKeySet;
  /** A multi-line PEM private key block (an X.509 proxy's key). */
  pemBlock: string[];
}

const ISS = 'https://cms-auth.example-iam.org/';
const SUB = '7c1e0f5a-2b1d-4a8e-9f3e-0d6b5a1c2e11';
const SUB2 = 'bad0c0de-0000-4000-8000-00000000f00d';
const NOW = 1795438800; // 2026-11-23T09:40:00Z

async function sign(claims: Record<string, unknown>, alg: 'RS256' | 'ES256' | 'HS256', key: CryptoKey | Uint8Array, kid: string): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg, typ: 'JWT', kid }).sign(key);
}

/** Base64url text that is not a token (looks like one to a careless regex). */
const PLAIN_B64 = 'dGhpcyBpcyBqdXN0IGJhc2U2NCBkYXRhIGZyb20gYSBjaGVja3N1bQ';

export async function buildCorpus(): Promise<Corpus> {
  const rsa = await generateKeyPair('RS256', { extractable: true });
  const ec = await generateKeyPair('ES256');
  const pool = new TextEncoder().encode('condor-pool-signing-key-0123456789abcdef');
  const wlcg = await sign({ 'wlcg.ver': '1.0', sub: SUB, aud: 'https://se01.example-site.org', iss: ISS, iat: NOW, nbf: NOW, exp: NOW + 3600, jti: '3f0b9c7e-51a2-4d6f-8b3e-2a9c4d7e1f60', scope: 'storage.read:/store storage.create:/store/user/alice', 'wlcg.groups': ['/cms'], client_id: 'c0ffee00-1111-4222-8333-444455556666' }, 'RS256', rsa.privateKey, 'rsa1');
  const nineDay = await sign({ 'wlcg.ver': '1.0', sub: SUB, aud: 'https://wlcg.cern.ch/jwt/v1/any', iss: ISS, iat: NOW, exp: NOW + 9 * 86400, jti: '9d9d9d9d-0000-4000-8000-000000000009', scope: 'storage.modify:/ storage.read:/' }, 'RS256', rsa.privateKey, 'rsa1');
  const pilot = await sign({ 'wlcg.ver': '1.0', sub: SUB2, aud: 'condor://ce01.example-site.org:9619', iss: ISS, iat: NOW, exp: NOW + 3 * 86400, jti: '2c4e6f80-1a3b-4c5d-8e9f-0a1b2c3d4e5f', scope: 'compute.create compute.read compute.modify compute.cancel' }, 'ES256', ec.privateKey, 'ec1');
  const sci = await sign({ ver: 'scitoken:2.0', aud: 'ANY', iss: 'https://tokens.example-vo.org/dune', sub: 'alice', scope: 'read:/dune write:/dune/scratch/users/alice', iat: NOW, nbf: NOW, exp: NOW + 10800, jti: '9d2f6c1a-0e3b-4f7a-a5c8-6b1e2d3f4a5b' }, 'RS256', rsa.privateKey, 'rsa1');
  const idtoken = await new SignJWT({ iat: NOW, iss: 'cm.example-vo.org', jti: '5b9e0c3f7a1d42e8b6c4f0a9d3e2b1c7', scope: 'condor:/READ condor:/ADVERTISE_STARTD', sub: 'glidein@cm.example-vo.org' }).setProtectedHeader({ alg: 'HS256', kid: 'POOL' }).sign(pool);
  const refresh = new UnsecuredJWT({ jti: 'a1b2c3d4-e5f6-4711-8899-aabbccddeeff', iss: ISS, iat: NOW }).encode();
  const mytokenJwt = await sign({ ver: '0.2', token_type: 'mytoken', iss: 'https://mytoken.example-kit.org', sub: 'mt-sub-1', oidc_iss: ISS, oidc_sub: SUB, capabilities: ['AT'], seq_no: 1, jti: 'mt-jti-1', iat: NOW, exp: NOW + 86400 }, 'RS256', rsa.privateKey, 'rsa1');
  const jwe = 'eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ.OKOawDo13gRp2ojaHV7LFpZcgV7T6DVZKTyKOMTYUmKoTCVJRgckCL9kiMT03JGeipsEdY3mx_etLbbWSrFr05kLzcSr4qKAq7YN7e9jwQRb23nfa6c9d-StnImGyFDbSv04uVuxIp5Zms1gNxKKK2Da14B8S4rzVRltdYwam_lDp5XnZAYpQdb76FdIKLaVmqgfwX7XWRxv2322i-vDxRfqNzo_tETKzpVLzfiwQyeyPGLBIO56YJ7eObdv0je81860ppamavo35UgoRdbYaBcoh9QcfylQr66oc6vFWXRcZ_ZT2LawVCWTIy3brGPi6UklfCpIMfIjf7iGdXKHzg.48V1_ALb6US04U3b.5eym8TW_c8SuK0ltJ3rpYIzOeDQz7TALvtu6UG9oMo4vpzs9tX_EFShS8iB7j6jiSdiwkIr3ajwQzaBtQD_A.XFBoMYUZodetZdvTiFvSkQ';
  const vault = 'hvs.CAESIJ9xQ2l0ZW1wbGF0ZS1ub3QtYS1yZWFsLXRva2VuLTEyMzQ1Njc4OTA';
  const vaultLegacy = 's.9q8ARhKg3cT1yZ8Ux0pW2LmV';
  const opaque = 'ya29.a0AfH6SMBx3fEXAMPLEopaqueBearerValue0123456789';
  const macaroon = 'MDAxY2xvY2F0aW9uIE9wdGlvbmFsLmVtcHR5CjAwMThpZGVudGlmaWVyIGV4YW1wbGUK';
  const shortMytoken = 'Qz7rT1pX9sV3nB6mL2kJ8hG4fD0aS5wE7yU1iO3pZ9xC6vB2nM4qW8eR0tY5uI7o';
  const oidcSession = 'c6f2b8a1-7d3e-4f5a-9b0c-1d2e3f4a5b6c.OIDCsessionSecretValue';
  const urlPassword = 'S3cr3tPassw0rd!';
  const pkcs8 = await exportPKCS8(rsa.privateKey);
  const pemBlock = pkcs8.trim().split('\n');
  const keyBodyLines = pemBlock.slice(1, -1);
  const sig = (t: string) => t.split('.')[2]!;

  const lines = [
    // HTCondor-CE, XRootD, dCache, FTS, web servers, pilots, env dumps, IAM, tools.
    `11/23/26 14:02:11 (cid:88412) Command=QMGMT_WRITE_CMD, peer=<198.51.100.23:40211?addrs=198.51.100.23-40211&alias=factory01.example-vo.org> token=${pilot}`,
    `261123 14:05:41 2207 XrootdXeq: alice.30112:41@wn042.example-site.org pub IPv4 login as cmsuser01 authz=Bearer%20${wlcg}`,
    `level=INFO ts=2026-11-23T14:05:41.512+0100 event=org.dcache.webdav.request request.method=GET request.url=https://se01.example-site.org:2880/pnfs/example-site.org/data/cms/store/mc/file01.root?access_token=${wlcg} response.code=200 socket.remote=203.0.113.7:51844 user.sub=${SUB}@cms`,
    `INFO    Mon, 23 Nov 2026 14:05:40 +0100; Source url: davs://se01.example-site.org:2880/store/mc/file01.root?authz=${macaroon}`,
    `203.0.113.7 - - [23/Nov/2026:14:02:11 +0100] "GET /store/user/alice/out.root HTTP/1.1" 200 512 "-" "curl/8.5.0" "Bearer ${nineDay}"`,
    `192.0.2.15 - alice [23/Nov/2026:14:02:12 +0100] "PUT /store/x HTTP/1.1" 201 0 "-" "gfal2" Authorization: Bearer ${opaque}`,
    `2026-11-23 13:11:00,000 | DEBUG    | env BEARER_TOKEN=${wlcg}`,
    `BEARER_TOKEN=${sci}`,
    `export VAULT_TOKEN=${vaultLegacy}`,
    `Storing vault token in /tmp/vt_u1001: ${vault}`,
    `curl -s -H "X-Vault-Token: ${vaultLegacy}" https://htvault.example-vo.org:8200/v1/secret/oauth/creds/dune:default`,
    `curl -H "Authorization: Bearer ${wlcg}" https://se01.example-site.org:2880/store/user/alice/`,
    `gfal-copy --bearer ${nineDay} davs://se01.example-site.org/store/a davs://se02.example-site.org/store/b`,
    `{"@type":"RefreshTokenIssuedEvent","timestamp":1795438802114,"principal":"alice","refresh_token":"${refresh}","subject":"${SUB}"}`,
    `{"access_token":"${wlcg}","token_type":"Bearer","expires_in":3599,"refresh_token":"${refresh}"}`,
    `2026-11-23 13:00:02.114 [http-nio-8080-exec-7] INFO  AUDIT - token exchange for alice@example-site.org client c0ffee00 refresh_token=${refresh}`,
    `POST /token HTTP/1.1 grant_type=refresh_token&refresh_token=${refresh}&client_id=c0ffee00`,
    `GLIDEIN_CONDOR_TOKEN=${idtoken}`,
    `/etc/condor/tokens.d/pool.token: ${idtoken}`,
    `TransferHeaderAuthorization: Bearer ${pilot}`,
    `mytoken=${shortMytoken}`,
    // MYTOKEN_RE ignores case: so must every gate in front of it.
    `MyTokeN: ${shortMytoken}`,
    `mytoken JWT: ${mytokenJwt}`,
    `Cookie: mod_auth_openidc_session=${oidcSession}; path=/`,
    `xrdcp root://cmsuser:${urlPassword}@se01.example-site.org:1094//store/file .`,
    `Downloading https://ftpuser:${urlPassword}@mirror.example-site.org/repo.tgz from 192.0.2.40`,
    `JWE header seen: ${jwe}`,
    `ALICE token cert ok for /C=ch/O=AliEn2/CN=JobAgent/OU=queueid=3187654321/resubmission=0/user=alice ${wlcg}`,
    `11/23/26 14:02:11 (cid:88413) Examining SciToken with payload ... raw=${sci}`,
    // Two tokens on one line, and a token right at the line end.
    `tpc source=${wlcg} dest=${pilot}`,
    `${nineDay}`,
    `OIDC_AT=${opaque}`,
    `ACCESS_TOKEN="${sci}"`,
    `2026-11-23T13:12:00,123456Z WorkloadManagement/JobWrapper INFO: Owner=alice token=${opaque}`,
    `Nov 23 14:02:11 ui01 sshd[40212]: Accepted publickey for alice from 203.0.113.51 port 53310 ssh2 with env BEARER_TOKEN=${wlcg}`,
    `https://iam.example-iam.org/callback?code=abc&access_token=${wlcg}&state=xyz`,
    `id_token=${sci}`,
    `bearer_token=${opaque}&x=1`,
    `scitokens_Parse: Token does not appear to be a valid JWT: ${refresh}`,
    `malformed but JWT-shaped: eyJub3QganNvbg.eyJhbGl2ZSI6dHJ1ZX0.c2lnbmF0dXJlLXBhcnQtdGhhdC1tdXN0LWdv`,
    `PEM inline: {"key":"-----BEGIN PRIVATE KEY-----\\n${keyBodyLines.join('\\n')}\\n-----END PRIVATE KEY-----"}`,
    `htgettoken: Saved bearer token to /run/user/1001/bt_u1001: ${sci}`,
    `hvb.${'AAAAAQJvYXRjaC10b2tlbi1ub3QtcmVhbC0xMjM0NTY3ODkw'}`,
  ];
  const inlinePem = `-----BEGIN PRIVATE KEY-----${keyBodyLines.join('')}-----END PRIVATE KEY-----`;
  lines.push(`inline pem ${inlinePem}`);

  const negatives = [
    '11/23/26 14:02:12 (cid:88412) Submitting new job 40117.0',
    `GlobalJobId = "ce01.example-site.org#40118.0#1795438940"`,
    `checksum=${PLAIN_B64} adler32=1f2e3d4c sha256=9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08`,
    'Job id: 5e0f7a4c-c8b1-11f0-9d2e-fa163e000001 jti=3f0b9c7e-51a2-4d6f-8b3e-2a9c4d7e1f60',
    'glidein_startup.sh version: 3.10.7 HTCondor 24.0.3 xrootd-5.7.1 dcache-9.2.21',
    'XrdHttp: GET /store/file authz=REDACTED Authorization: Bearer REDACTED TransferHeaderAuthorization: Bearer REDACTED',
    'INFO    Mon, 23 Nov 2026 14:05:40 +0100; Source url: davs://se01.example-site.org:2880/store/mc/file01.root?<redacted>',
    'INFO    Mon, 23 Nov 2026 14:05:40 +0100; Failed to decode token! (eyJhb...Xy9_Q)',
    'INFO    Mon, 23 Nov 2026 14:05:40 +0100; Source token id: 8a31c0e2 (managed)',
    'BEARER_TOKEN_FILE=/run/user/1001/bt_u1001',
    '-----BEGIN CERTIFICATE-----',
    'MIIDdzCCAl+gAwIBAgIEAgAAuTANBgkqhkiG9w0BAQUFADBaMQswCQYDVQQGEwJJRTESMBAGA1UE',
    '-----END CERTIFICATE-----',
    'Nov 23 14:02:11 ui01 sshd[40212]: Accepted publickey for alice from 203.0.113.51 port 53310 ssh2: ED25519 SHA256:Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZmdoaWo',
    'https://se01.example-site.org:2880/pnfs/example-site.org/data/cms/store/user/alice/out.root',
    'eyJhbGciOiJSUzI1NiJ9 is just a header, not a token',
    'tokens: 3 issued, refresh_token_count=12',
    `redacted before: eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.[sig-redacted:3f9a1c0d2b7e4a61]`,
  ];

  const secrets = [
    sig(wlcg), sig(nineDay), sig(pilot), sig(sci), sig(idtoken), sig(mytokenJwt),
    wlcg, nineDay, pilot, sci, idtoken, mytokenJwt,
    refresh, refresh.split('.')[1]!, jwe.split('.').slice(1).join('.'), vault, vaultLegacy, opaque, macaroon, shortMytoken, oidcSession, urlPassword,
    ...keyBodyLines.filter((l) => l.length > 40),
    'c2lnbmF0dXJlLXBhcnQtdGhhdC1tdXN0LWdv',
    'hvb.AAAAAQJvYXRjaC10b2tlbi1ub3QtcmVhbC0xMjM0NTY3ODkw',
  ];

  return {
    lines,
    secrets,
    negatives,
    personal: { users: ['alice', 'cmsuser01'], subjects: [SUB, SUB2], ips: ['203.0.113.7', '203.0.113.51', '198.51.100.23', '192.0.2.15', '192.0.2.40'], emails: ['alice@example-site.org'] },
    jwks: { keys: [{ ...(await exportJWK(rsa.publicKey)), kid: 'rsa1', alg: 'RS256', use: 'sig' }] },
    tokens: { wlcg, nineDay, pilot, sci, idtoken, refresh, mytokenJwt, jwe, vault },
    pemBlock,
  };
}
