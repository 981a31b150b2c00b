/**
 * Import into the open case: pick files or a folder, or drop them anywhere on the window.
 * A `tokentrail.case/v1` document (e.g. written by `tokentrail analyze`) is loaded as a case;
 * everything else (logs, archives, token files) goes to the ingestion worker.
 */
import { useEffect, useState } from 'react';
import { caseFromLines, textLines } from '../../../../src/model/case-json';
import { pickFiles } from '../../platform';
import { displayPath } from '../../platform/web';
import { caseStore } from '../../store';
import { isCaseDocument } from './import-kind';
import { ingestionAvailable, type IngestItem, runIngest } from './ingest-runner';
import { ImportProgress } from './ImportProgress';
import { ZONES } from './zones';
import { TextSelect } from '../../features/controls/TextSelect';

export interface PickedFile {
  path: string;
  file: File;
  /**
   * The file's modification time: a dropped or picked file's own (`file.lastModified`) unless set
   * here; `null` when it has none worth trusting (the demo's files are fetched, so theirs would be
   * the time the demo was opened). Formats without dates in their lines (hosts dumps, token files)
   * take it as their time, marked assumed.
   */
  mtimeMs?: number | null;
}

export interface ImportPanelProps {
  caseId: string;
  /** Files dropped on the window, handed over by the shell; `tz` when the shell knows their zone (the demo). */
  dropped: { files: PickedFile[]; tz?: string } | null;
  onDroppedTaken(): void;
  onChanged(): void;
  onCaseImported(id: string): void;
  onClose(): void;
}

export function ImportPanel(props: ImportPanelProps) {
  const [items, setItems] = useState<IngestItem[]>([]);
  const [messages, setMessages] = useState<string[]>([]);
  const [cancel, setCancel] = useState<(() => void) | null>(null);
  // The zone of times written without one, for the next files read (each input keeps the zone it
  // was read with; the Inputs panel reads one again with another).
  const [tz, setTz] = useState('UTC');

  async function take(files: PickedFile[], zone = tz) {
    if (!files.length) return;
    const logs: PickedFile[] = [];
    const notes: string[] = [];
    for (const f of files) {
      if (await isCaseDocument(f.file)) {
        try {
          // Line by line first (the layout the CLI and Export write: a big case is no one string), else whole.
          const doc = (await caseFromLines(textLines(f.file.stream().pipeThrough(new TextDecoderStream())))) ?? JSON.parse(await f.file.text());
          const row = await caseStore().importCaseJson(doc);
          notes.push(`${f.path}: loaded case “${row.name}” (${row.eventCount.toLocaleString('en')} events)`);
          props.onCaseImported(row.id);
        } catch (e) {
          notes.push(`${f.path}: ${e instanceof Error ? e.message : String(e)}`);
        }
      } else logs.push(f);
    }
    if (logs.length && !ingestionAvailable) {
      notes.push(
        `${logs.length} file(s) not read: reading logs, archives and token files needs the ingestion core, which is not part of this build yet. Case documents (tokentrail.case/v1 JSON from \`tokentrail analyze\`) can be imported.`,
      );
    }
    setMessages((m) => [...m, ...notes]);
    if (logs.length && ingestionAvailable) {
      // Before the worker starts, from this thread: the case row is not written while it reads.
      if (await caseStore().adoptFirstImportZone(props.caseId, zone)) props.onChanged();
      const job = runIngest(props.caseId, logs, setItems, props.onChanged, { tz: zone });
      setCancel(() => job.cancel);
      await job.done;
      setCancel(null);
      props.onChanged();
    }
  }

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once per handed-over drop
  useEffect(() => {
    if (!props.dropped) return;
    const d = props.dropped;
    props.onDroppedTaken();
    if (d.tz) setTz(d.tz);
    void take(d.files, d.tz ?? tz);
  }, [props.dropped]);

  const pick = async (directory: boolean) => take((await pickFiles({ directory })).map((file) => ({ path: displayPath(file), file })));

  return (
    <section className="import-panel" data-testid="import-panel">
      <header>
        <h3>Import</h3>
        <button type="button" className="close" onClick={props.onClose} title="Close">
          ×
        </button>
      </header>
      <div className="dropzone" data-testid="dropzone">
        <p>Drop files, folders or archives (.tar, .tar.gz, .zip, .gz) anywhere on the window, or</p>
        <button type="button" data-testid="pick-files" onClick={() => void pick(false)}>
          Choose files…
        </button>
        <button type="button" data-testid="pick-folder" onClick={() => void pick(true)}>
          Choose a folder…
        </button>
        <label className="zone-pick">
          Times written without a zone are in{' '}
          <TextSelect testId="import-tz" value={tz} options={ZONES} onChange={setTz} title="Zone assumed for log lines whose times carry none (HTCondor, XRootD, syslog): the hand-over's notes usually say" />
        </label>
        <p className="muted">Everything is read on this machine. Tokens are redacted before anything is stored.</p>
      </div>
      {messages.length > 0 && (
        <ul className="import-messages" data-testid="import-messages">
          {messages.map((m, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: an append-only log
            <li key={i}>{m}</li>
          ))}
        </ul>
      )}
      {items.length > 0 && <ImportProgress items={items} onCancel={cancel} />}
    </section>
  );
}
