/** Token engine: find, decode, fingerprint, verify, judge. */
export { decodeCompact, decodeSecret, fingerprint, fp16, inspectSecret, redactedForm } from './decode';
export { findInTokenFile, findSecrets, isRedactionMarker, mayContainSecret, type SecretHint, type SecretMatch } from './find';
export { exposureFinding, formatSeconds, judgeToken, type JudgeOptions, tokenName } from './judge';
export { POLICY, type PolicyRule, policyRule, threshold } from './policy';
export { isRootWrite, parseScope, parseScopes } from './scopes';
export { type VerifyResult, type VerifyStatus, verifyToken } from './verify';
