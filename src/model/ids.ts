/**
 * The identifiers an event carries. Every field is optional: a line states what it states.
 * Correlation joins events through these keys; keep values exactly as logged (after redaction).
 */
export interface EventIds {
  /** Host that wrote the log line or where the activity happened (FQDN or short name). */
  host?: string;
  /** Remote / client IP of the activity (v4 or v6, no port). */
  ip?: string;
  port?: number;
  /** Client host name when logged instead of (or beside) an IP. */
  clientHost?: string;
  /** Worker node the job ran on (e.g. from RemoteHost `slot1_3@wn042…`). */
  workerNode?: string;
  slot?: string;
  vo?: string;
  /** Local account or VO user name (Owner, prodUserID, DIRAC Owner, ALICE user=). */
  user?: string;
  /** Token subject and issuer. */
  sub?: string;
  iss?: string;
  jti?: string;
  /** Fingerprints of the credentials found in this line (TokenInfo.fp). */
  tokenFps?: string[];
  /** OAuth client id (IAM audit). */
  clientId?: string;
  grantType?: string;
  /** X.509 subject DN when a proxy identity is logged. */
  dn?: string;
  /** Job id on the CE schedd (cluster.proc). */
  ceJobId?: string;
  /** Routed / batch-system job id (routed cluster.proc, slurm id, ARC lrmsid). */
  batchJobId?: string;
  /** HTCondor GlobalJobId (`schedd#cluster.proc#qdate`). */
  globalJobId?: string;
  /** ARC job id. */
  arcJobId?: string;
  /** Pilot framework id (PanDA pilotID, glidein id, DIRAC pilot reference, ALICE job agent). */
  pilotId?: string;
  /** Payload id in its framework (PanDA ID, DIRAC JobID, ALICE queueid). */
  payloadId?: string;
  /** FTS job and file ids. */
  transferJobId?: string;
  transferFileId?: string;
  /** Connection / session id inside one log (AuditLog cid, dCache session, XRootD tident). */
  session?: string;
  /** Storage path or URL touched (query strings already redacted). */
  endpoint?: string;
  /** Operation on the endpoint: read, write, delete, stat, mkdir, list, tpc ... */
  op?: string;
  /** HTTP / protocol status code or result. */
  status?: string;
}
