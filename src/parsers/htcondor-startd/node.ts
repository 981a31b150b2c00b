/** Worker-node identity shared by the StartLog and StarterLog parsers (see README.md). */
import type { EventIds } from '../../model/ids';
import { hostFromPath } from '../common/identity';
import { findSinful } from '../common/sinful';

/** Host and own address of the node, learned from the path and the command-socket line. */
export class NodeIdentity {
  host?: string;
  ip?: string;
  constructor(input: string) {
    this.host = hostFromPath(input);
  }
  /** Reads `DaemonCore: command socket at <sinful>`; true when the line was that. */
  learn(message: string): boolean {
    if (!message.startsWith('DaemonCore: command socket at ')) return false;
    const s = findSinful(message);
    if (s?.ip && !this.ip) this.ip = s.ip;
    if (s?.alias && !this.host) this.host = s.alias;
    return true;
  }
  ids(): EventIds {
    const ids: EventIds = {};
    if (this.host) ids.host = this.host;
    if (this.ip) ids.ip = this.ip;
    return ids;
  }
}
