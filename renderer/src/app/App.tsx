/** The application shell: case sidebar, the open case's header and panels, and the six views. */
import { useCallback, useEffect, useState } from 'react';
import { caseJsonChunks } from '../../../src/model/case-json';
import { demoAvailable, demoFiles } from '../demo';
import { filesFromDrop, platform } from '../platform';
import { type CaseRow, caseStore } from '../store';
import { FindingsTab } from '../views/findings/FindingsTab';
import { ImportPanel, type PickedFile } from '../views/import/ImportPanel';
import { runIngest, sessionFile } from '../views/import/ingest-runner';
import { InputsPanel } from '../views/import/InputsPanel';
import { DEMO_ZONE } from '../views/import/zones';
import { ReportTab } from '../views/report/ReportTab';
import { TimelineTab } from '../views/timeline/TimelineTab';
import { TokensTab } from '../views/tokens/TokensTab';
import { TraceTab } from '../views/trace/TraceTab';
import { TrainingTab } from '../views/training/TrainingTab';
import { CaseHeader } from './CaseHeader';
import { CaseSidebar } from './CaseSidebar';
import { entityPivot } from './entity-pivot';
import { useCaseData } from './use-case-data';
import { VIEWS, type ViewName, viewId } from './views';

type Panel = 'import' | 'inputs' | null;

/** Set once the first start has offered the demo case. */
export const FIRST_START_KEY = 'tokentrail.firstStartDone';

export function App() {
  const store = caseStore();
  const [view, setView] = useState<ViewName>('Timeline');
  const [cases, setCases] = useState<CaseRow[]>([]);
  const [current, setCurrent] = useState<string | null>(null);
  const [revision, setRevision] = useState(0);
  const [panel, setPanel] = useState<Panel>(null);
  const [dropped, setDropped] = useState<{ files: PickedFile[]; tz?: string } | null>(null);
  const [pivots, setPivots] = useState<string[] | undefined>();
  const [demoBusy, setDemoBusy] = useState(false);
  const data = useCaseData(current, revision);

  const changed = useCallback(() => setRevision((r) => r + 1), []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: revision is the refetch trigger
  useEffect(() => {
    store.listCases().then(setCases);
  }, [store, revision]);

  const newCase = async (name = `Case ${new Date().toISOString().slice(0, 16).replace('T', ' ')}`) => {
    const row = await store.createCase({ name });
    setCurrent(row.id);
    setPanel('import');
    changed();
    return row.id;
  };

  // Drops anywhere on the window go to the import panel (a new case when none is open).
  useEffect(() => {
    const over = (e: DragEvent) => e.preventDefault();
    const drop = async (e: DragEvent) => {
      e.preventDefault();
      if (!e.dataTransfer) return;
      const files = await filesFromDrop(e.dataTransfer);
      if (!files.length) return;
      if (!current) await newCase();
      setPanel('import');
      setDropped({ files });
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  });

  const caseImported = async (id: string) => {
    // A just-created empty case is replaced by the imported one.
    if (current && current !== id && data && data.row.eventCount === 0 && data.inputs.length === 0) await store.deleteCase(current);
    setCurrent(id);
    changed();
  };

  // First start: open the demo case once, so a new user sees what tokentrail does. Only a flag is
  // kept in localStorage, never case data.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once on mount
  useEffect(() => {
    if (!demoAvailable || localStorage.getItem(FIRST_START_KEY)) return;
    localStorage.setItem(FIRST_START_KEY, new Date().toISOString());
    store.listCases().then((rows) => {
      if (rows.length === 0) void openDemo();
    });
  }, []);

  const openDemo = async () => {
    setDemoBusy(true);
    try {
      await newCase('Demo: stolen token');
      setDropped({ files: await demoFiles(), tz: DEMO_ZONE });
    } finally {
      setDemoBusy(false);
    }
  };

  const exportCase = async () => {
    if (!current) return;
    const doc = await store.exportCaseJson(current);
    // The CLI's layout (one event, entity or link per line) in chunks, which a Blob joins as UTF-8:
    // a large case would not fit in one string. `tokentrail trace`/`report` read the file as it is.
    const data = new Uint8Array(await new Blob([...caseJsonChunks(doc)]).arrayBuffer());
    await platform().saveFile({ suggestedName: `${doc.name.replace(/[^\w.-]+/g, '_')}.tokentrail.json`, data });
  };

  const reparse = async (caseId: string, path: string, tz: string) => {
    const picked = sessionFile(caseId, path);
    if (!picked) return;
    await store.deleteInputData(caseId, path);
    changed();
    await runIngest(caseId, [picked], () => {}, changed, { tz: data?.row.settings.tz ?? 'UTC', tzFor: { [path]: tz } }).done;
    changed();
  };

  const pivotTo = (key: string) => {
    setPivots([key]);
    setView('Timeline');
  };

  return (
    <div className="app">
      <CaseSidebar
        cases={cases}
        current={current}
        onOpen={(id) => {
          setCurrent(id);
          setPanel(null);
          setPivots(undefined);
        }}
        onNew={() => void newCase()}
        onDelete={async (id) => {
          await store.deleteCase(id);
          if (id === current) setCurrent(null);
          changed();
        }}
        onDemo={demoAvailable ? () => void openDemo() : null}
        demoBusy={demoBusy}
      />
      <main className="main">
        {data && (
          <CaseHeader
            row={data.row}
            inputs={data.inputs.length}
            problems={data.problems.length}
            onImport={() => setPanel(panel === 'import' ? null : 'import')}
            onInputs={() => setPanel(panel === 'inputs' ? null : 'inputs')}
            onExport={() => void exportCase()}
          />
        )}
        {data && panel === 'import' && (
          <ImportPanel
            caseId={data.row.id}
            dropped={dropped}
            onDroppedTaken={() => setDropped(null)}
            onChanged={changed}
            onCaseImported={(id) => void caseImported(id)}
            onClose={() => setPanel(null)}
          />
        )}
        {data && panel === 'inputs' && (
          <InputsPanel
            inputs={data.inputs}
            problems={data.problems}
            onClose={() => setPanel(null)}
            canReparse={(path) => sessionFile(data.row.id, path) !== undefined}
            onReparse={(path, tz) => void reparse(data.row.id, path, tz)}
          />
        )}
        <div className="tabs" role="tablist">
          {VIEWS.map((v) => (
            <button key={v} type="button" role="tab" aria-selected={v === view} data-testid={`tab-${viewId(v)}`} onClick={() => setView(v)}>
              {v}
            </button>
          ))}
        </div>
        <section className="view" data-testid={`view-${viewId(view)}`}>
          {view === 'Timeline' && (
            <TimelineTab
              data={data}
              revision={revision}
              pivots={pivots}
              onToggleStar={async (id) => {
                if (current) await store.toggleStar(current, id);
                changed();
              }}
            />
          )}
          {view === 'Tokens' && <TokensTab data={data} onPivot={pivotTo} />}
          {view === 'Trace' && <TraceTab data={data} revision={revision} />}
          {view === 'Findings' && <FindingsTab data={data} onPivot={(id) => pivotTo(entityPivot(id))} />}
          {view === 'Report' && <ReportTab data={data} revision={revision} />}
          {view === 'Training' && <TrainingTab onOpenCase={(id) => { setCurrent(id); changed(); }} />}
        </section>
      </main>
    </div>
  );
}
