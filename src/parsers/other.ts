/**
 * Storage, transfer, issuer, pilot-framework and host/web parsers. The generic fallback
 * (`generic/index.ts`, `genericParser`) is deliberately not in this list: ingestion uses it for
 * inputs no parser here claims.
 */
import type { LogParser } from '../model/parser';
import { aliceJobAgentParser } from './alice-jobagent';
import { dcacheAccessParser } from './dcache-access';
import { dcacheBillingParser } from './dcache-billing';
import { dcacheDomainParser } from './dcache-domain';
import { diracPilotParser } from './dirac-pilot';
import { ftsParser } from './fts';
import { iamAuditParser } from './iam-audit';
import { jsonlParser } from './jsonl';
import { netmapDhcpParser, netmapHostsParser, netmapNatParser } from './netmap';
import { pandaPilotParser } from './panda-pilot';
import { sshdParser } from './sshd';
import { tokenFileParser } from './tokenfile';
import { webAccessParser } from './web-access';
import { xrootdParser } from './xrootd';

export const OTHER_PARSERS: readonly LogParser[] = [dcacheAccessParser, xrootdParser, iamAuditParser, pandaPilotParser, ftsParser, tokenFileParser, netmapHostsParser, netmapDhcpParser, netmapNatParser, webAccessParser, sshdParser, diracPilotParser, aliceJobAgentParser, jsonlParser, dcacheBillingParser, dcacheDomainParser];
