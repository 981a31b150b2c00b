/**
 * Every log parser, in one list. Ingestion sniffs each input with `detect()` and picks the most
 * confident parser; inputs nobody claims go to the generic parser.
 */
import type { LogParser } from '../model/parser';
import { OTHER_PARSERS } from './other';
import { SITE_PARSERS } from './site';

export const PARSERS: readonly LogParser[] = [...SITE_PARSERS, ...OTHER_PARSERS];
