/** Storage, transfer, issuer, pilot-framework and generic parsers. */
import type { LogParser } from '../model/parser';

export const OTHER_PARSERS: readonly LogParser[] = [];
