export declare function findElectronBinary(): { ok: true; path: string } | { ok: false; reason: string };
export declare const electronDir: string;
