/**
 * Captured credential files and environment dumps (DOMAIN.md §1.8, §9.3). A token file
 * (`bt_u1001`, `/tmp/bt_u*`, `vt_u*`, `tokens.d/*`, `*.jwt`, `*.token`, `_condor_creds/*.use`)
 * holds credentials as its whole content: every credential line is a `token.exposure`. An
 * environment dump gives exposures for `BEARER_TOKEN=`-style values and `log` events for the
 * credential paths it names (`BEARER_TOKEN_FILE`, `X509_USER_PROXY`, `_CONDOR_CREDS`).
 * These inputs carry no time: events take the file time (`ParseContext.fileTimeMs`, assumed
 * `file time`); without it the time is 0 with `assumed` saying it is unknown, and one
 * `time.unparsed` problem is recorded.
 */
import type { EventDraft } from '../../model/event';
import type { LineParser, LogParser, ParseContext } from '../../model/parser';
import type { RedactedLine } from '../../model/redaction';
import type { EventTime } from '../../model/time';
import { exposureEvent, hasSecret, makeEvent } from '../common/draft';
import { findHosts } from '../common/net';
import { anyTime } from '../common/stamp';
import { hostFromPath } from '../common/identity';

const TOKEN_FILE = /(?:^|[/!])(?:bt_u\d+[^/]*|vt_u\d+[^/]*|[^/]+\.(?:jwt|token|use|tok))$|\/tokens\.d\/[^/]+$|_condor_creds\/[^/]+$/;
const ENV_NAME = /(?:^|[/!])(?:environ(?:ment)?|env(?:\.txt|\.log|\.dump)?|printenv\.\w+|[^/]+\.env)$/i;
const ENV_LINE = /^(?:export |declare -x )?([A-Za-z_][A-Za-z0-9_]*)=(.*)$/;
const CRED_VARS = /^(BEARER_TOKEN|ACCESS_TOKEN|OIDC_AT|VAULT_TOKEN|REFRESH_TOKEN|ID_TOKEN|TOKEN)$/;
const PATH_VARS = /^(BEARER_TOKEN_FILE|X509_USER_PROXY|_CONDOR_CREDS|X509_CERT_DIR|VAULT_TOKEN_FILE|SCITOKENS_FILE)$/;

function uidOf(name: string): string | undefined {
  return /[bv]t_u(\d+)/.exec(name)?.[1];
}

class TokenFileLines implements LineParser {
  private readonly isTokenFile: boolean;
  private readonly host: string | undefined;
  private untimed = false;
  constructor(private readonly ctx: ParseContext) {
    this.isTokenFile = TOKEN_FILE.test(ctx.input);
    // Only the directory/archive part can name a machine; the file name itself is `bt_u1001` etc.
    this.host = hostFromPath(ctx.input) ?? findHosts(ctx.input.slice(0, ctx.input.lastIndexOf('/') + 1))[0];
  }

  private time(line: RedactedLine): EventTime {
    const own = anyTime(line.text, this.ctx);
    if (own) return own;
    if (this.ctx.fileTimeMs !== undefined) return { ts: this.ctx.fileTimeMs, text: '', assumed: 'file time' };
    if (!this.untimed) {
      this.untimed = true;
      this.ctx.problem({ code: 'time.unparsed', line: line.line, message: 'credential file has no time and no file time was given: events carry time 0 (unknown)' });
    }
    return { ts: 0, text: '', assumed: 'time unknown (no file time)' };
  }

  line(line: RedactedLine): EventDraft[] {
    const text = line.text.trim();
    if (!text || text.startsWith('#')) return [];
    const uid = uidOf(this.ctx.input);
    const ids = { host: this.host };
    const env = ENV_LINE.exec(text);
    if (env) {
      const [, name, value] = env as unknown as [string, string, string];
      if (hasSecret(line)) return [exposureEvent(line, this.time(line), ids, `${name} in ${this.ctx.input}`)];
      if (PATH_VARS.test(name) && value.trim()) {
        const path = value.trim().replace(/^["']|["']$/g, '');
        return [makeEvent(line, 'log', this.time(line), { ...ids, endpoint: path }, `environment names credential path ${name}=${path}`)];
      }
      if (CRED_VARS.test(name) && value.trim() && !/REDACTED|<redacted>|\*\*\*/.test(value)) {
        this.ctx.problem({ code: 'token.malformed', line: line.line, message: `${name} holds a value the redactor did not recognise as a credential` });
      }
      return [];
    }
    if (hasSecret(line)) {
      const where = this.isTokenFile ? `token file ${this.ctx.input}${uid ? ` (uid ${uid})` : ''}` : this.ctx.input;
      return [exposureEvent(line, this.time(line), ids, where)];
    }
    if (this.isTokenFile) {
      this.ctx.problem({ code: 'line.malformed', line: line.line, message: 'token file line holds no recognisable credential' });
    }
    return [];
  }

  end(): EventDraft[] {
    return [];
  }
}

export const tokenFileParser: LogParser = {
  id: 'tokenfile',
  label: 'Token file / environment dump',
  detect(sample) {
    if (TOKEN_FILE.test(sample.name)) return 0.9;
    const lines = sample.head.filter((l) => l.trim() && !l.startsWith('#'));
    if (!lines.length) return 0;
    const env = lines.filter((l) => ENV_LINE.test(l.trim())).length / lines.length;
    const creds = lines.some((l) => /^(?:export |declare -x )?(BEARER_TOKEN(_FILE)?|X509_USER_PROXY|_CONDOR_CREDS)=/.test(l.trim()));
    if (env > 0.8 && (creds || ENV_NAME.test(sample.name))) return 0.75;
    // A file that is nothing but one JWT-shaped (already redacted) token.
    if (lines.length <= 3 && lines.every((l) => /^eyJ[\w-]+\.eyJ[\w-]+\.\S*$/.test(l.trim()))) return 0.85;
    return 0;
  },
  open: (ctx) => new TokenFileLines(ctx),
};
