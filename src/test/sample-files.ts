import { crc32, deflateSync } from 'node:zlib';

/**
 * Tiny but well-formed files for tests: a 1×1 PNG and a JPEG skeleton, each optionally carrying
 * the metadata that uploads must lose, and a one-page PDF.
 */

export function pngChunk(type: string, data: Uint8Array): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** A 1×1 red PNG; `text` adds a tEXt chunk (e.g. an author or a GPS note) before the pixels. */
export function samplePng(options: { text?: string; time?: boolean } = {}): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0);
  header.writeUInt32BE(1, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour
  const pixels = deflateSync(Buffer.from([0, 255, 0, 0]));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    ...(options.text ? [pngChunk('tEXt', Buffer.from(`Comment\0${options.text}`, 'latin1'))] : []),
    ...(options.time ? [pngChunk('tIME', Buffer.from([0x07, 0xe8, 1, 2, 3, 4, 5]))] : []),
    pngChunk('IDAT', pixels),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

function jpegSegment(marker: number, data: Uint8Array): Buffer {
  const header = Buffer.from([0xff, marker, 0, 0]);
  header.writeUInt16BE(data.length + 2, 2);
  return Buffer.concat([header, data]);
}

/**
 * An EXIF block as a camera phone writes it: a big-endian TIFF header, IFD0 pointing at a GPS
 * IFD (tag 0x8825) that holds the latitude 48° 51′ 24″ N.
 */
export function exifWithGps(): Buffer {
  const tiff = Buffer.alloc(8 + 18 + 30 + 24);
  tiff.write('MM', 0, 'latin1');
  tiff.writeUInt16BE(42, 2);
  tiff.writeUInt32BE(8, 4);
  // IFD0: one entry, GPSInfo → offset of the GPS IFD.
  tiff.writeUInt16BE(1, 8);
  tiff.writeUInt16BE(0x8825, 10);
  tiff.writeUInt16BE(4, 12); // LONG
  tiff.writeUInt32BE(1, 14);
  tiff.writeUInt32BE(26, 18);
  tiff.writeUInt32BE(0, 22);
  // GPS IFD: GPSLatitudeRef "N" and GPSLatitude as three rationals.
  tiff.writeUInt16BE(2, 26);
  tiff.writeUInt16BE(0x0001, 28);
  tiff.writeUInt16BE(2, 30); // ASCII
  tiff.writeUInt32BE(2, 32);
  tiff.write('N\0', 36, 'latin1');
  tiff.writeUInt16BE(0x0002, 40);
  tiff.writeUInt16BE(5, 42); // RATIONAL
  tiff.writeUInt32BE(3, 44);
  tiff.writeUInt32BE(56, 48);
  tiff.writeUInt32BE(0, 52);
  [48, 1, 51, 1, 24, 1].forEach((value, index) => tiff.writeUInt32BE(value, 56 + index * 4));
  return Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
}

/**
 * SOI, APP0/JFIF, optional APP1/Exif and COM, a quantisation table, then SOS with a few bytes
 * of "scan data" (a stuffed 0xFF00 and a restart marker among them) and EOI: the structure
 * metadata stripping walks, not a decodable picture. `progressive` adds a second scan after a
 * Huffman table and an XMP segment, as progressive JPEGs have; `trailer` is appended after EOI,
 * as phones append a motion-photo video or a script appends HTML.
 */
export function sampleJpeg(options: { exif?: string | Buffer; comment?: string; progressive?: boolean; trailer?: string | Buffer } = {}): Buffer {
  const jfif = Buffer.from([0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]);
  const exif = typeof options.exif === 'string' ? Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), Buffer.from(options.exif, 'latin1')]) : options.exif;
  const scan = () => [jpegSegment(0xda, Buffer.from([0x01, 0x01, 0x00, 0x00, 0x3f, 0x00])), Buffer.from([0x12, 0xff, 0x00, 0x34, 0xff, 0xd0, 0x56])];
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    jpegSegment(0xe0, jfif),
    ...(exif ? [jpegSegment(0xe1, exif)] : []),
    ...(options.comment ? [jpegSegment(0xfe, Buffer.from(options.comment, 'latin1'))] : []),
    jpegSegment(0xdb, Buffer.alloc(65, 1)),
    ...scan(),
    ...(options.progressive
      ? [jpegSegment(0xc4, Buffer.alloc(17, 0)), jpegSegment(0xe1, Buffer.from('http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>GPS 48.85N</x:xmpmeta>', 'latin1')), ...scan()]
      : []),
    Buffer.from([0xff, 0xd9]),
    ...(options.trailer === undefined ? [] : [Buffer.from(options.trailer)]),
  ]);
}

/**
 * A one-page PDF with a line of text. `author` adds a document information dictionary (author,
 * creator, producer, title) and an XMP metadata stream naming the same author, as office
 * software writes them.
 */
export function samplePdf(options: { author?: string } = {}): Buffer {
  const content = 'BT /F1 12 Tf 20 100 Td (Welcome desks) Tj ET';
  const xmp = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><dc:creator>${options.author ?? ''}</dc:creator><xmp:CreatorTool>Writer</xmp:CreatorTool></x:xmpmeta>`;
  const objects = [
    `<</Type/Catalog/Pages 2 0 R${options.author ? '/Metadata 5 0 R' : ''}>>`,
    '<</Type/Pages/Kids[3 0 R]/Count 1>>',
    '<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]/Contents 4 0 R>>',
    `<</Length ${content.length}>>stream\n${content}\nendstream`,
    ...(options.author
      ? [
          `<</Type/Metadata/Subtype/XML/Length ${xmp.length}>>stream\n${xmp}\nendstream`,
          `<</Author(${options.author})/Creator(Writer)/Producer(LibreOffice 7.6)/Title(Budget draft)>>`,
        ]
      : []),
  ];
  const body = objects.map((object, index) => `${index + 1} 0 obj${object}endobj\n`).join('');
  return Buffer.from(`%PDF-1.4\n${body}trailer<</Root 1 0 R${options.author ? '/Info 6 0 R' : ''}>>\n%%EOF\n`, 'latin1');
}
