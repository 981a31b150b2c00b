/**
 * JSON Schema (2020-12) of `tokentrail.case/v1`. Kept as a TS constant so the core can validate
 * without fetching or reading files; `npm run schema` is not needed — tests check it against real cases.
 */
const str = { type: 'string' } as const;
const int = { type: 'integer' } as const;
const num = { type: 'number' } as const;
const strArr = { type: 'array', items: str } as const;
const severity = { enum: ['info', 'low', 'medium', 'high', 'critical'] } as const;

const evidence = {
  type: 'object',
  required: ['input', 'line', 'text'],
  properties: { eventId: str, input: str, line: int, text: str },
  additionalProperties: false,
} as const;

const scope = {
  type: 'object',
  required: ['raw', 'action'],
  properties: { raw: str, action: str, path: str },
  additionalProperties: false,
} as const;

const token = {
  type: 'object',
  required: ['fp', 'kind', 'redacted', 'length', 'aud', 'scopes', 'groups'],
  properties: {
    fp: { type: 'string', pattern: '^[0-9a-f]{64}$' },
    kind: {
      enum: [
        'wlcg', 'scitoken', 'iam-refresh', 'htcondor-idtoken', 'mytoken', 'jwt', 'jwt-unsigned', 'jwe',
        'vault', 'opaque', 'macaroon', 'private-key', 'url-password',
      ],
    },
    redacted: str,
    length: int,
    header: { type: 'object' },
    claims: { type: 'object' },
    iss: str, sub: str, aud: strArr, scopes: { type: 'array', items: scope }, groups: strArr, jti: str,
    iat: num, nbf: num, exp: num, lifetimeS: num, malformed: str,
  },
  additionalProperties: false,
} as const;

const event = {
  type: 'object',
  required: ['id', 'time', 'src', 'kind', 'ids', 'text'],
  properties: {
    id: str,
    time: {
      type: 'object',
      required: ['ts', 'text'],
      properties: { ts: num, text: str, assumed: str },
      additionalProperties: false,
    },
    src: {
      type: 'object',
      required: ['input', 'line', 'parser'],
      properties: { input: str, line: int, parser: str },
      additionalProperties: false,
    },
    kind: {
      enum: [
        'token.issue', 'token.refresh', 'token.use', 'token.reject', 'token.exposure', 'auth.login', 'auth.fail',
        'job.submit', 'job.route', 'job.start', 'job.end', 'job.record', 'pilot.start', 'pilot.end',
        'payload.start', 'payload.end', 'storage.access', 'transfer', 'http.request', 'net.map', 'log',
      ],
    },
    ids: {
      type: 'object',
      properties: { tokenFps: strArr, port: int },
      additionalProperties: { type: ['string', 'number', 'array'] },
    },
    text: str,
    summary: str,
    severity,
  },
  additionalProperties: false,
} as const;

const entity = {
  type: 'object',
  required: ['id', 'kind', 'key', 'label', 'attrs', 'events', 'eventCount'],
  properties: {
    id: str,
    kind: { enum: ['token', 'identity', 'vo', 'pilot', 'payload', 'host', 'ip', 'endpoint'] },
    key: str,
    label: str,
    attrs: { type: 'object' },
    firstSeen: num,
    lastSeen: num,
    events: strArr,
    eventCount: int,
  },
  additionalProperties: false,
} as const;

/** One link (exported for validators that check a case's links one at a time). */
export const linkSchema = {
  type: 'object',
  required: ['id', 'from', 'to', 'rule', 'confidence', 'evidence'],
  properties: {
    id: str, from: str, to: str, rule: str,
    confidence: { enum: ['certain', 'inferred'] },
    reason: str, evidence: strArr, from_ts: num, to_ts: num,
  },
  additionalProperties: false,
} as const;

const finding = {
  type: 'object',
  required: ['id', 'rule', 'severity', 'title', 'explanation', 'entities', 'evidence', 'containment'],
  properties: {
    id: str, rule: str, severity, title: str, explanation: str, source: str,
    entities: strArr, evidence: { type: 'array', items: evidence }, containment: strArr,
  },
  additionalProperties: false,
} as const;

const problem = {
  type: 'object',
  required: ['code', 'input', 'message'],
  properties: { code: str, input: str, line: int, message: str },
  additionalProperties: false,
} as const;

const input = {
  type: 'object',
  required: ['path', 'size', 'sha256', 'parser', 'events', 'problems', 'tz'],
  properties: {
    path: str, size: int, sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' }, parser: str,
    events: int, problems: int, tz: str, parent: str, encoding: { enum: ['utf-16le', 'utf-16be'] },
  },
  additionalProperties: false,
} as const;

export const caseSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://tokentrail.invalid/schema/case-v1.json',
  title: 'tokentrail.case/v1',
  type: 'object',
  required: [
    'format', 'id', 'name', 'tool', 'settings', 'profile', 'inputs', 'events', 'tokens', 'entities', 'links',
    'findings', 'problems', 'redaction',
  ],
  properties: {
    format: { const: 'tokentrail.case/v1' },
    id: str,
    name: str,
    createdAt: str,
    tool: {
      type: 'object',
      required: ['name', 'version'],
      properties: { name: { const: 'tokentrail' }, version: str },
      additionalProperties: false,
    },
    settings: {
      type: 'object',
      required: ['tz', 'clockToleranceMs'],
      properties: { tz: str, clockToleranceMs: int, policy: { type: 'object', additionalProperties: num } },
      additionalProperties: false,
    },
    profile: { enum: ['csirt', 'vo', 'public'] },
    inputs: { type: 'array', items: input },
    events: { type: 'array', items: event },
    tokens: { type: 'array', items: token },
    entities: { type: 'array', items: entity },
    links: { type: 'array', items: linkSchema },
    findings: { type: 'array', items: finding },
    problems: { type: 'array', items: problem },
    redaction: { type: 'object', additionalProperties: int },
  },
  additionalProperties: false,
} as const;
