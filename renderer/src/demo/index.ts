/**
 * The demo case: the generated incident bundle in assets/demo/bundle (written by the scenario
 * generator), bundled as static files and imported through the same ingestion path as any drop.
 * While the bundle is absent from the build, `demoFiles` is empty and the sidebar button says so.
 */
import type { PickedFile } from '../views/import/ImportPanel';
import { ingestionAvailable } from '../views/import/ingest-runner';

// `no-inline`: small files must stay real URLs; a data: URL is refused by the CSP's connect-src.
const FILES = import.meta.glob<string>('../../../assets/demo/bundle/**/*', { query: '?url&no-inline', import: 'default', eager: true });
const PREFIX = '../../../assets/demo/bundle/';

export const demoAvailable = ingestionAvailable && Object.keys(FILES).length > 0;

/** The demo bundle's files, paths relative to the bundle root, in path order. */
export async function demoFiles(): Promise<PickedFile[]> {
  const out: PickedFile[] = [];
  for (const key of Object.keys(FILES).sort()) {
    const url = FILES[key]!;
    const blob = await (await fetch(url)).blob();
    const path = `demo/${key.slice(PREFIX.length)}`;
    // Fetched files have no modification time of their own: the demo's undated lines stay undated.
    out.push({ path, file: new File([blob], path.slice(path.lastIndexOf('/') + 1)), mtimeMs: null });
  }
  return out;
}
