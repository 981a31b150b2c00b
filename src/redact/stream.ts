/**
 * Streaming redaction of text in constant memory: chunks are split into lines (the unfinished
 * tail is carried to the next chunk, so a secret split across chunks is whole when redacted).
 * A line longer than `maxCarry` is cut at its last separator, never inside a token.
 *
 * Hot path (csirt profile): one global pre-check regex runs over the whole chunk; only the lines it
 * hits are cut out and sent through the line redactor, the spans between them are passed on as
 * slices without per-line work. Pseudonymising profiles and private-key blocks go line by line.
 * Line endings (`\n`, `\r\n`) are kept as they were: unchanged text stays byte-identical.
 */
import type { RedactedLine } from '../model/redaction';
import { candidateScanner } from '../tokens/find';
import { createLineRedactor, type RedactorOptions, type TextRedactor } from './line-redactor';

export interface StreamRedactor {
  stream: TransformStream<string, string>;
  redactor: TextRedactor;
}

export function redactStream(opts: RedactorOptions & { maxCarry?: number } = {}): StreamRedactor {
  const redactor = createLineRedactor(opts);
  const maxCarry = opts.maxCarry ?? 4 * 1024 * 1024;
  const scan = candidateScanner();
  let carry = '';
  let lineNo = 0;

  /** Counts line ends in data[from, to) (line numbers only; no allocation). */
  const countLines = (data: string, from: number, to: number) => {
    for (let nl = data.indexOf('\n', from); nl !== -1 && nl < to; nl = data.indexOf('\n', nl + 1)) lineNo++;
  };

  /** The redacted form of the line data[start, nl) plus its original line end. */
  const redactOne = async (data: string, start: number, nl: number): Promise<string> => {
    const cr = nl > start && data.charCodeAt(nl - 1) === 13;
    const r = redactor.redactLine(data.slice(start, cr ? nl - 1 : nl), ++lineNo);
    const done: RedactedLine = r instanceof Promise ? await r : r;
    return done.text + (cr ? '\r\n' : '\n');
  };

  /** Redacts data[0, end), where data[end - 1] is '\n'. */
  const redactBlock = async (data: string, end: number): Promise<string> => {
    let out = '';
    let pos = 0;
    while (pos < end) {
      if (redactor.everyLine || redactor.inKeyBlock()) {
        const nl = data.indexOf('\n', pos);
        out += await redactOne(data, pos, nl);
        pos = nl + 1;
        continue;
      }
      scan.lastIndex = pos;
      const m = scan.exec(data);
      if (!m || m.index >= end) {
        countLines(data, pos, end);
        out += data.slice(pos, end);
        break;
      }
      // data[pos - 1] is '\n' (or pos is 0), so the hit's line starts at or after pos.
      const lineStart = data.lastIndexOf('\n', m.index) + 1;
      if (lineStart > pos) {
        countLines(data, pos, lineStart);
        out += data.slice(pos, lineStart);
      }
      const nl = data.indexOf('\n', m.index);
      out += await redactOne(data, lineStart, nl);
      pos = nl + 1;
    }
    return out;
  };

  const stream = new TransformStream<string, string>({
    async transform(chunk, controller) {
      const data = carry + chunk;
      const last = data.lastIndexOf('\n');
      if (last >= 0) {
        carry = data.slice(last + 1);
        const out = await redactBlock(data, last + 1);
        if (out) controller.enqueue(out);
      } else carry = data;
      if (carry.length > maxCarry) {
        // A huge line: cut at the last whitespace so no token is split; the rest continues the line.
        const cut = Math.max(carry.lastIndexOf(' ', maxCarry), carry.lastIndexOf('\t', maxCarry), maxCarry >> 1);
        const r = await redactor.redactLine(carry.slice(0, cut), lineNo + 1);
        controller.enqueue(r.text);
        carry = carry.slice(cut);
      }
    },
    async flush(controller) {
      if (carry) controller.enqueue((await redactor.redactLine(carry, ++lineNo)).text);
      carry = '';
    },
  });
  return { stream, redactor };
}
