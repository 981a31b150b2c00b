/**
 * A password-protected zip (CSIRTs exchange evidence that way) made by `zip -P`: its plain member is
 * read, its encrypted one gets a problem that says what to do instead of a decompression error.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeSources } from '../../pipeline/index';
import { bytesSource } from '../source';

describe('encrypted zip members', () => {
  it('are named in a problem record; the other members are read', async () => {
    const zip = new Uint8Array(readFileSync(join(__dirname, 'samples', 'mixed-encrypted.zip')));
    const c = await analyzeSources([bytesSource('evidence.zip', zip)], { name: 'zip' });
    expect(c.inputs.map((i) => [i.path, i.parser, i.events])).toEqual([
      ['evidence.zip', 'archive.zip', 0],
      ['evidence.zip!/var/log/plain.log', 'sshd', 2],
    ]);
    expect(c.problems.map((p) => [p.code, p.input, p.message])).toEqual([
      ['archive.unsupported', 'evidence.zip', 'member "var/log/secure" is encrypted (password-protected): not read; unzip it with the password and add what it holds'],
    ]);
    expect(c.inputs[0]!.problems).toBe(1);
  });
});
