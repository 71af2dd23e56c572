import { crc32, inflateRawSync } from 'node:zlib';

export interface UnzippedEntry {
  name: string;
  method: number;
  data: Buffer;
}

/**
 * Reads a ZIP archive the way an unzip tool does: from the end record to the central directory,
 * then each local header, checking that both agree and that every CRC matches.
 */
export function readZip(zip: Buffer): UnzippedEntry[] {
  const endAt = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (endAt < 0) throw new Error('no end of central directory record');
  const count = zip.readUInt16LE(endAt + 10);
  const directorySize = zip.readUInt32LE(endAt + 12);
  let at = zip.readUInt32LE(endAt + 16);
  if (at + directorySize !== endAt)
    throw new Error('the central directory does not end where the end record starts');
  const entries: UnzippedEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`bad central header at ${at}`);
    const method = zip.readUInt16LE(at + 10);
    const crc = zip.readUInt32LE(at + 16);
    const compressedSize = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const localAt = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;

    if (zip.readUInt32LE(localAt) !== 0x04034b50) throw new Error(`bad local header for ${name}`);
    const localNameLength = zip.readUInt16LE(localAt + 26);
    const localExtraLength = zip.readUInt16LE(localAt + 28);
    if (zip.toString('utf8', localAt + 30, localAt + 30 + localNameLength) !== name)
      throw new Error(`local and central names differ for ${name}`);
    if (zip.readUInt32LE(localAt + 14) !== crc)
      throw new Error(`local and central CRCs differ for ${name}`);
    const start = localAt + 30 + localNameLength + localExtraLength;
    const body = zip.subarray(start, start + compressedSize);
    const data = method === 8 ? inflateRawSync(body) : method === 0 ? Buffer.from(body) : undefined;
    if (!data) throw new Error(`unsupported compression method ${method} for ${name}`);
    if (data.length !== size) throw new Error(`size mismatch for ${name}`);
    if (crc32(data) >>> 0 !== crc) throw new Error(`CRC mismatch for ${name}`);
    entries.push({ name, method, data });
  }
  return entries;
}
