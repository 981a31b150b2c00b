/**
 * Streaming redaction of text in constant memory: chunks are split into lines (the unfinished
 * tail is carried to the next chunk, so a secret split across chunks is whole when redacted).
 * A line longer than `maxCarry` is cut at its last separator, never inside a token.
 */
import type { RedactedLine } from '../model/redaction';
import { createLineRedactor, type RedactorOptions, type TextRedactor } from './line-redactor';

export interface StreamRedactor {
  stream: TransformStream<string, string>;
  redactor: TextRedactor;
}

export function redactStream(opts: RedactorOptions & { maxCarry?: number } = {}): StreamRedactor {
  const redactor = createLineRedactor(opts);
  const maxCarry = opts.maxCarry ?? 4 * 1024 * 1024;
  let carry = '';
  let lineNo = 0;
  const emit = async (text: string, controller: TransformStreamDefaultController<string>, newline: boolean) => {
    const r: RedactedLine = await redactor.redactLine(text, ++lineNo);
    controller.enqueue(newline ? `${r.text}\n` : r.text);
  };
  const stream = new TransformStream<string, string>({
    async transform(chunk, controller) {
      let data = carry + chunk;
      let nl = data.indexOf('\n');
      let start = 0;
      const batch: string[] = [];
      while (nl >= 0) {
        const line = data.charCodeAt(nl - 1) === 13 ? data.slice(start, nl - 1) : data.slice(start, nl);
        batch.push(line);
        start = nl + 1;
        nl = data.indexOf('\n', start);
      }
      carry = data.slice(start);
      data = '';
      // Lines without candidates come back synchronously: join them into one enqueue.
      let plain = '';
      for (const line of batch) {
        const r = redactor.redactLine(line, ++lineNo);
        if (r instanceof Promise) {
          if (plain) controller.enqueue(plain);
          plain = '';
          controller.enqueue(`${(await r).text}\n`);
        } else plain += `${r.text}\n`;
      }
      if (plain) controller.enqueue(plain);
      if (carry.length > maxCarry) {
        // A huge line: cut at the last whitespace so no token is split; the rest continues the line.
        const cut = Math.max(carry.lastIndexOf(' ', maxCarry), carry.lastIndexOf('\t', maxCarry), maxCarry >> 1);
        await emit(carry.slice(0, cut), controller, false);
        lineNo--; // same input line continues
        carry = carry.slice(cut);
      }
    },
    async flush(controller) {
      if (carry) await emit(carry, controller, false);
      carry = '';
    },
  });
  return { stream, redactor };
}
