/**
 * Removes the metadata that cameras and editors embed in images (location, device, author,
 * edit history), and anything appended after the image, before an upload is stored, without
 * decoding or re-encoding the picture: the segments that carry pixels are copied byte for byte,
 * so quality and checksums are untouched.
 */

export class ImageMetadataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImageMetadataError';
  }
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Text, EXIF and timestamp chunks; everything else (pixels, palette, colour space) is kept. */
const PNG_METADATA_CHUNKS: ReadonlySet<string> = new Set(['tEXt', 'iTXt', 'zTXt', 'eXIf', 'tIME']);

export function isPng(bytes: Uint8Array): boolean {
  return bytes.length >= PNG_SIGNATURE.length && PNG_SIGNATURE.equals(bytes.subarray(0, PNG_SIGNATURE.length));
}

export function isJpeg(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
}

/**
 * Copies every chunk but the metadata ones, each with its own CRC, and stops at IEND so that
 * nothing appended after the image survives either.
 */
export function stripPngMetadata(input: Uint8Array): Buffer {
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  if (!isPng(bytes)) throw new ImageMetadataError('not a PNG file');
  const kept: Buffer[] = [bytes.subarray(0, PNG_SIGNATURE.length)];
  let offset = PNG_SIGNATURE.length;
  for (;;) {
    if (offset + 12 > bytes.length) throw new ImageMetadataError('PNG ends inside a chunk header');
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    const end = offset + 12 + length;
    if (end > bytes.length) throw new ImageMetadataError(`PNG chunk ${type} runs past the end of the file`);
    if (!PNG_METADATA_CHUNKS.has(type)) kept.push(bytes.subarray(offset, end));
    offset = end;
    if (type === 'IEND') return Buffer.concat(kept);
  }
}

const JPEG_SOI = 0xd8;
const JPEG_EOI = 0xd9;
const JPEG_SOS = 0xda;
const JPEG_COM = 0xfe;
const JPEG_APP0 = 0xe0;
const JPEG_APP15 = 0xef;

/** Markers without a length field: TEM and the restart markers RST0–RST7. */
function isStandaloneMarker(marker: number): boolean {
  return marker === 0x01 || isRestartMarker(marker);
}

function isRestartMarker(marker: number): boolean {
  return marker >= 0xd0 && marker <= 0xd7;
}

/**
 * APP1–APP15 (EXIF, XMP, ICC, IPTC, vendor data) and comments go, wherever they are, between
 * scans too; APP0 (JFIF) stays because decoders use it.
 */
function isJpegMetadata(marker: number): boolean {
  return (marker > JPEG_APP0 && marker <= JPEG_APP15) || marker === JPEG_COM;
}

/**
 * Where the entropy-coded data that follows an SOS segment ends: at the first marker that is
 * not part of it. Inside the data a 0xFF byte is followed by 0x00 (a stuffed byte) or by a
 * restart marker, so anything else after 0xFF (possibly after fill bytes) is the next segment.
 */
function endOfScanData(bytes: Buffer, start: number): number {
  let at = start;
  for (;;) {
    const candidate = bytes.indexOf(0xff, at);
    if (candidate === -1) throw new ImageMetadataError('JPEG ends inside its image data, before the end-of-image marker');
    let markerAt = candidate + 1;
    while (bytes[markerAt] === 0xff) markerAt += 1;
    const marker = bytes[markerAt];
    if (marker === undefined) throw new ImageMetadataError('JPEG ends inside a marker');
    if (marker !== 0x00 && !isRestartMarker(marker)) return candidate;
    at = markerAt + 1;
  }
}

/**
 * Copies the segments the picture needs and stops at the end-of-image marker. Scans are walked
 * through rather than copied to the end of the file, so that nothing after the image survives:
 * a phone's motion-photo video, a trailer of HTML or text, a second picture with its own EXIF.
 */
export function stripJpegMetadata(input: Uint8Array): Buffer {
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  if (!isJpeg(bytes)) throw new ImageMetadataError('not a JPEG file');
  const kept: Buffer[] = [bytes.subarray(0, 2)];
  let offset = 2;
  let sawScan = false;
  while (offset < bytes.length) {
    if (bytes[offset] !== 0xff) throw new ImageMetadataError(`expected a JPEG marker at byte ${offset}`);
    // A marker may be preceded by any number of 0xFF fill bytes.
    let markerAt = offset + 1;
    while (bytes[markerAt] === 0xff) markerAt += 1;
    const marker = bytes[markerAt];
    if (marker === undefined) throw new ImageMetadataError('JPEG ends inside a marker');
    if (marker === JPEG_EOI) {
      if (!sawScan) throw new ImageMetadataError('JPEG has no image data');
      kept.push(bytes.subarray(markerAt - 1, markerAt + 1));
      return Buffer.concat(kept);
    }
    if (marker === 0x00 || marker === JPEG_SOI) throw new ImageMetadataError(`unexpected JPEG marker 0x${marker.toString(16)} at byte ${markerAt}`);
    if (isStandaloneMarker(marker)) {
      kept.push(bytes.subarray(markerAt - 1, markerAt + 1));
      offset = markerAt + 1;
      continue;
    }
    if (markerAt + 3 > bytes.length) throw new ImageMetadataError('JPEG ends inside a segment header');
    const length = bytes.readUInt16BE(markerAt + 1);
    const end = markerAt + 1 + length;
    if (length < 2 || end > bytes.length) throw new ImageMetadataError(`JPEG segment 0x${marker.toString(16)} runs past the end`);
    if (!isJpegMetadata(marker)) kept.push(bytes.subarray(markerAt - 1, end));
    offset = end;
    if (marker === JPEG_SOS) {
      sawScan = true;
      const scanEnd = endOfScanData(bytes, end);
      kept.push(bytes.subarray(end, scanEnd));
      offset = scanEnd;
    }
  }
  throw new ImageMetadataError('JPEG ends before its end-of-image marker');
}

/** Strips a PNG or JPEG; throws ImageMetadataError for anything else or a damaged file. */
export function stripImageMetadata(bytes: Uint8Array): Buffer {
  if (isPng(bytes)) return stripPngMetadata(bytes);
  if (isJpeg(bytes)) return stripJpegMetadata(bytes);
  throw new ImageMetadataError('not a PNG or JPEG file');
}
