import { sha256Hex } from '../model/ids-hash';

/** A name-based UUID (SHA-256 truncated, version 5 layout): same name, same id. */
export async function nameUuid(name: string): Promise<string> {
  const hex = await sha256Hex(`tokentrail:${name}`);
  const v = `5${hex.slice(13, 16)}`;
  const variant = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16) + hex.slice(17, 20);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${v}-${variant}-${hex.slice(20, 32)}`;
}
