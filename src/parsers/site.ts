/** Site-side parsers: HTCondor/HTCondor-CE, worker node, glideinWMS, ARC CE. */
import type { LogParser } from '../model/parser';
import { arexLogParser } from './arc/arex-log';
import { arcControlParser } from './arc/control-file';
import { arexJobsParser } from './arc/jobs-log';
import { glideinParser } from './glideinwms/parser';
import { auditLogParser } from './htcondor-auditlog/parser';
import { historyParser } from './htcondor-history/parser';
import { jobRouterParser } from './htcondor-jobrouter/parser';
import { schedLogParser } from './htcondor-schedlog/parser';
import { startLogParser } from './htcondor-startd/startlog';
import { starterLogParser } from './htcondor-startd/starterlog';

export const SITE_PARSERS: readonly LogParser[] = [
  auditLogParser,
  schedLogParser,
  historyParser,
  jobRouterParser,
  startLogParser,
  starterLogParser,
  glideinParser,
  arexLogParser,
  arexJobsParser,
  arcControlParser,
];
