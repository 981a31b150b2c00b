/**
 * The files that are not logs: README.txt (the site's hand-over note), jwks.json (the issuers'
 * public keys, for offline verification), and the network context (/etc/hosts-style DNS dump,
 * NAT gateway note). Returns their total size for the size planner.
 */
import { publicJwks } from './tokens';
import type { ScenarioDef } from './scenarios/types';
import type { Bundle } from './sink';
import type { World } from './world';

export function staticFiles(b: Bundle, w: World, def: ScenarioDef, note: string): number {
  b.statics.unshift(
    { path: 'README.txt', text: readme(w, def, note) },
    { path: 'jwks.json', text: `${JSON.stringify(publicJwks(), null, 2)}\n` },
    { path: 'network/hosts', text: hosts(w) },
    { path: 'network/nat-gateways.txt', text: nat(w) },
  );
  return b.statics.reduce((a, s) => a + s.text.length, 0);
}

function readme(w: World, def: ScenarioDef, note: string): string {
  return `Incident hand-over bundle from EXAMPLE-SITE (example-site.org)
================================================================

${note}

Contents (one directory per host, paths as on the host):
  ${w.ce.fqdn}/var/log/condor-ce/      HTCondor-CE AuditLog, SchedLog (current and .old), JobRouterLog
  ${w.ce.fqdn}/var/lib/condor-ce/spool/history   CE job history ClassAds
  <worker node>/var/log/condor/         StartLog, StarterLog.<slot> of the worker nodes involved
  <worker node>/var/lib/condor/execute/ pilot sandboxes (PanDA pilotlog.txt)
  ${w.se.fqdn}/var/log/dcache/          dCache WebDAV door access log (older days gzipped)
  ${w.xrd.fqdn}/var/log/xrootd/         XRootD server log (rotated: .1, .2.gz)
  ${w.iam.fqdn}/var/log/iam/            INDIGO IAM log with AUDIT events (from the VO)
  ${w.fts.fqdn}/var/log/fts3/           FTS url-copy transfer logs (from the VO)
  ${w.ui.fqdn}/var/log/                 sshd auth.log of the user interface host
  ${w.www.fqdn}/var/log/httpd/          web server access_log
  network/                               DNS dump (hosts) and NAT gateway note
  captured/                              credential files collected from hosts, if any
  jwks.json                              public keys of the VO token issuers

Clocks: site hosts keep local time (CET, UTC+01:00) and are NTP-synchronised "mostly";
HTCondor, XRootD and syslog write local time without a zone; dCache, FTS and Apache write
an offset; PanDA pilots and IAM log UTC.

This is a generated training bundle (tokentrail scenario '${def.name}'). All names, addresses
and keys are fictional; the tokens are signed with test keys and carry no authority anywhere.
`;
}

function hosts(w: World): string {
  const rows = [
    '# DNS export of example-site.org and related services, taken 2026-11-24',
    '# <ip> <fqdn> [aliases]',
    ...[w.ce, w.se, w.xrd, w.ui, w.www, w.wn017, w.wn018, ...w.noiseWns].map((h) => `${h.ip} ${h.fqdn} ${h.short}`),
    `${w.natGw.ip} ${w.natGw.fqdn} ${w.natGw.short}`,
    `${w.natWn1.privateIp} ${w.natWn1.fqdn} ${w.natWn1.short}`,
    `${w.natWn2.privateIp} ${w.natWn2.fqdn} ${w.natWn2.short}`,
    `${w.fts.ip} ${w.fts.fqdn}`,
    `${w.factory.ip} ${w.factory.fqdn}`,
    `${w.factory3p.ip} ${w.factory3p.fqdn}`,
    `${w.iam.ip} ${w.iam.fqdn}`,
    '198.51.100.24 cmsfactory01.example-vo.org',
    '198.51.100.70 pandaserver.example-vo.org',
  ];
  return `${rows.join('\n')}\n`;
}

function nat(w: World): string {
  return `# NAT gateways of example-site.org (from the network team), valid for all of November 2026.
# Worker nodes in the private range 10.10.0.0/24 reach the outside, including the site's own
# storage, through one public address: connections from them appear from the gateway's IP.
# One line per node: <public ip> <gateway fqdn> <private ip> <worker node fqdn>
${w.natGw.ip} ${w.natGw.fqdn} ${w.natWn1.privateIp} ${w.natWn1.fqdn}
${w.natGw.ip} ${w.natGw.fqdn} ${w.natWn2.privateIp} ${w.natWn2.fqdn}
# Port mappings are not logged (no conntrack export is available for the incident period).
`;
}
