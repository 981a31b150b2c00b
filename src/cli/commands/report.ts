import { writeFile } from 'node:fs/promises';
import { type Command, Option } from 'commander';
import type { Case } from '../../model/case';
import { REDACTION_PROFILES } from '../../model/redaction';
import type { TraceAnswer } from '../../model/trace';
import { defaultAnswers } from '../../report/default-answers';
import { REPORT_FORMATS, type ReportFormat, renderReport, TLP_LEVELS, type Tlp } from '../../report/index';
import { CliExit, type CliIo } from '../io';
import { loadCaseFile } from '../load-case';
import { htmlToPdf } from '../pdf';
import { caseKey } from '../pseudonym-key';

interface ReportFlags {
  format: ReportFormat;
  profile: 'csirt' | 'vo' | 'public';
  vo?: string;
  tlp: Tlp;
  title?: string;
  analyst?: string;
  site?: string;
  out: string;
  generatedAt?: string;
  key?: string;
}

/** Loads a case from a case JSON file (raw bundles go through `analyze` first). */
async function loadCase(inputs: string[]): Promise<Case> {
  if (inputs.length === 1 && inputs[0]!.endsWith('.json')) return loadCaseFile(inputs[0]!);
  throw new CliExit(1, 'report: give a case JSON made by `tokentrail analyze` (reports straight from raw inputs are not available yet)');
}

/** The traceability answers a report cites: token stories and S1/V1 for what misuse findings name. */
async function answersFor(c: Case): Promise<TraceAnswer[]> {
  return defaultAnswers(c);
}

export function registerReport(program: Command, io: CliIo): void {
  program
    .command('report')
    .description('export an incident report (html, pdf, md, json, csv, timesketch, stix, misp, egi)')
    .argument('<input...>', 'case JSON (from `tokentrail analyze`)')
    .addOption(new Option('--format <format>', 'output format').choices([...REPORT_FORMATS]).makeOptionMandatory())
    .addOption(new Option('--profile <profile>', 'audience: csirt (full detail), vo (pseudonymise outside the VO), public').choices([...REDACTION_PROFILES]).default('csirt'))
    .option('--vo <name>', 'the VO whose members stay readable in the vo profile')
    .addOption(new Option('--tlp <level>', 'Traffic Light Protocol 2.0 label').choices([...TLP_LEVELS]).makeOptionMandatory())
    .option('--title <text>', 'report title')
    .option('--analyst <name>', 'analyst named in the report')
    .option('--site <name>', 'site named in the EGI subject line (default: from the case)')
    .option('--generated-at <iso>', 'generation time written in the report (default: now); fix it for reproducible bytes')
    .option('--key <hex>', 'pseudonymisation key (default: derived from a local secret and the case id)')
    .requiredOption('--out <file>', 'where to write the report')
    .action(async (inputs: string[], flags: ReportFlags) => {
      if (flags.profile === 'vo' && !flags.vo) throw new CliExit(2, 'report: --profile vo needs --vo NAME');
      const generatedAt = flags.generatedAt ?? new Date().toISOString();
      if (Number.isNaN(Date.parse(generatedAt))) throw new CliExit(2, `report: --generated-at is not a time: ${generatedAt}`);
      const c = await loadCase(inputs);
      const rendered = await renderReport(c, await answersFor(c), {
        format: flags.format,
        profile: flags.profile,
        vo: flags.vo,
        tlp: flags.tlp,
        title: flags.title,
        analyst: flags.analyst,
        site: flags.site,
        generatedAt: new Date(generatedAt).toISOString(),
        pseudonymKey: flags.key ?? (await caseKey(c.id)),
      });
      if (flags.format === 'pdf') await htmlToPdf(rendered.text, flags.out);
      else await writeFile(flags.out, rendered.text);
      io.err(`report: wrote ${flags.format} (${flags.profile}, TLP:${flags.tlp.toUpperCase()}) to ${flags.out}\n`);
    });
}
