/** Decides how a picked or dropped file is imported. */

/** True when the bytes start like a `tokentrail.case/v1` JSON document. */
export async function isCaseDocument(file: Blob): Promise<boolean> {
  const head = await file.slice(0, 4096).text();
  return /^\s*\{/.test(head) && head.includes('"tokentrail.case/v1"');
}
