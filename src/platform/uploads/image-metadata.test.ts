import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { crc32 } from 'node:zlib';
import { exifWithGps, sampleJpeg, samplePng } from '../../test/sample-files.ts';
import { ImageMetadataError, stripImageMetadata, stripJpegMetadata, stripPngMetadata } from './image-metadata.ts';

function pngChunkTypes(png: Buffer): string[] {
  const types: string[] = [];
  for (let offset = 8; offset < png.length; ) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const stored = png.readUInt32BE(offset + 8 + length);
    assert.equal(stored, crc32(png.subarray(offset + 4, offset + 8 + length)), `CRC of ${type}`);
    types.push(type);
    offset += 12 + length;
  }
  return types;
}

/** Every marker of a JPEG in order, walking segments and skipping the data of each scan. */
function jpegMarkers(jpeg: Buffer): number[] {
  const markers: number[] = [];
  for (let offset = 2; offset < jpeg.length; ) {
    assert.equal(jpeg[offset], 0xff, `a marker at byte ${offset}`);
    const marker = jpeg[offset + 1] as number;
    markers.push(marker);
    if (marker === 0xd9) {
      assert.equal(offset + 2, jpeg.length, 'nothing after EOI');
      break;
    }
    offset += 2 + jpeg.readUInt16BE(offset + 2);
    if (marker === 0xda) {
      // Scan data: skip stuffed bytes and restart markers up to the next real marker.
      while (!(jpeg[offset] === 0xff && jpeg[offset + 1] !== 0x00 && ((jpeg[offset + 1] as number) < 0xd0 || (jpeg[offset + 1] as number) > 0xd7))) offset += 1;
    }
  }
  return markers;
}

describe('PNG metadata', () => {
  test('drops text and time chunks and keeps the image chunks with valid CRCs', () => {
    const original = samplePng({ text: 'GPS 48.85N 2.35E', time: true });
    assert.deepEqual(pngChunkTypes(original), ['IHDR', 'tEXt', 'tIME', 'IDAT', 'IEND']);
    const stripped = stripPngMetadata(original);
    assert.deepEqual(pngChunkTypes(stripped), ['IHDR', 'IDAT', 'IEND']);
    assert.ok(!stripped.includes('GPS'));
  });

  test('leaves a clean PNG byte for byte the same and cuts anything after IEND', () => {
    const clean = samplePng();
    assert.ok(stripPngMetadata(clean).equals(clean));
    const withTrailer = Buffer.concat([clean, Buffer.from('hidden payload')]);
    assert.ok(stripPngMetadata(withTrailer).equals(clean));
  });

  test('refuses a truncated PNG', () => {
    const png = samplePng();
    assert.throws(() => stripPngMetadata(png.subarray(0, png.length - 6)), ImageMetadataError);
  });
});

describe('JPEG metadata', () => {
  test('drops APP1 (Exif) and comments, keeps APP0, tables and the scan byte for byte', () => {
    const original = sampleJpeg({ exif: 'Canon EOS GPS 48.85N', comment: 'secret note' });
    assert.deepEqual(jpegMarkers(original), [0xe0, 0xe1, 0xfe, 0xdb, 0xda, 0xd9]);
    const stripped = stripJpegMetadata(original);
    assert.deepEqual(jpegMarkers(stripped), [0xe0, 0xdb, 0xda, 0xd9]);
    assert.ok(!stripped.includes('Exif'));
    assert.ok(!stripped.includes('secret'));
    const sos = original.indexOf(Buffer.from([0xff, 0xda]));
    assert.ok(stripped.subarray(stripped.indexOf(Buffer.from([0xff, 0xda]))).equals(original.subarray(sos)));
  });

  test('leaves a clean JPEG unchanged', () => {
    const clean = sampleJpeg();
    assert.ok(stripJpegMetadata(clean).equals(clean));
  });

  test('ends at the end-of-image marker: a trailer with HTML, a video or a location goes', () => {
    const trailer = Buffer.concat([Buffer.from('<html><script>alert(1)</script>GPS 48.8566N 2.3522E'), Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0x00, 0x08]), Buffer.from('ftypmp42')]);
    const original = sampleJpeg({ exif: exifWithGps(), trailer });
    const stripped = stripJpegMetadata(original);
    assert.ok(stripped.equals(stripJpegMetadata(sampleJpeg({ exif: exifWithGps() }))));
    assert.ok(stripped.equals(sampleJpeg()), 'only the image remains, as if it had never carried anything');
    assert.deepEqual([...stripped.subarray(-2)], [0xff, 0xd9]);
    for (const hidden of ['<html>', 'GPS', 'ftyp', 'Exif', 'MM\0*']) assert.ok(!stripped.includes(hidden), hidden);
    assert.equal(stripped.indexOf(Buffer.from([0x88, 0x25])), -1, 'no GPSInfo tag');
  });

  test('walks every scan of a progressive JPEG and drops metadata between scans', () => {
    const original = sampleJpeg({ progressive: true, trailer: 'appended' });
    assert.ok(original.includes('xmpmeta'));
    const stripped = stripJpegMetadata(original);
    assert.deepEqual(jpegMarkers(stripped), [0xe0, 0xdb, 0xda, 0xc4, 0xda, 0xd9]);
    assert.ok(!stripped.includes('xmpmeta'));
    assert.ok(!stripped.includes('appended'));
    // Stuffed bytes and restart markers inside the scans are kept as they were.
    const scan = Buffer.from([0x12, 0xff, 0x00, 0x34, 0xff, 0xd0, 0x56]);
    assert.ok(stripped.indexOf(scan, stripped.indexOf(scan) + 1) > 0, 'both scans whole');
  });

  test('refuses a segment that runs past the end, or image data without its end marker', () => {
    const jpeg = sampleJpeg({ exif: 'x' });
    assert.throws(() => stripJpegMetadata(jpeg.subarray(0, 30)), ImageMetadataError);
    assert.throws(() => stripJpegMetadata(jpeg.subarray(0, jpeg.length - 2)), ImageMetadataError);
    assert.throws(() => stripJpegMetadata(jpeg.subarray(0, jpeg.length - 1)), ImageMetadataError);
  });
});

test('stripImageMetadata picks the format from the content and refuses others', () => {
  assert.ok(!stripImageMetadata(samplePng({ text: 'x' })).includes('tEXt'));
  assert.ok(!stripImageMetadata(sampleJpeg({ exif: 'x' })).includes('Exif'));
  assert.throws(() => stripImageMetadata(Buffer.from('%PDF-1.4')), ImageMetadataError);
});
