// Is a build output older than its sources? Shared by `npm start` (desktop and web builds) and the
// CLI launcher (its esbuild bundle). Test files never make an output stale.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

/** Newest mtime (ms) of a file, or of the non-test files under a directory; 0 when absent. */
function newestMtime(p) {
  const st = fs.statSync(p, { throwIfNoEntry: false });
  if (st?.isFile()) return st.mtimeMs;
  let newest = 0;
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const q = path.join(d, e.name);
      if (e.isDirectory()) walk(q);
      else if (!/\.test\.tsx?$/.test(e.name)) newest = Math.max(newest, fs.statSync(q).mtimeMs);
    }
  };
  if (st?.isDirectory()) walk(p);
  return newest;
}

/** True when an output is missing or older than the newest of the inputs (absolute paths). */
function needsBuild(outputs, inputs) {
  let oldest = Number.POSITIVE_INFINITY;
  for (const o of outputs) {
    const st = fs.statSync(o, { throwIfNoEntry: false });
    if (!st) return true;
    oldest = Math.min(oldest, st.mtimeMs);
  }
  return inputs.some((i) => newestMtime(i) > oldest);
}

module.exports = { newestMtime, needsBuild };
