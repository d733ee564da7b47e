import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { crc32 } from 'node:zlib';
import { sampleJpeg, samplePng } from '../../test/sample-files.ts';
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

function jpegMarkers(jpeg: Buffer): number[] {
  const markers: number[] = [];
  for (let offset = 2; offset < jpeg.length; ) {
    const marker = jpeg[offset + 1] as number;
    markers.push(marker);
    if (marker === 0xda) break;
    offset += 2 + jpeg.readUInt16BE(offset + 2);
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
  test('drops APP1 (Exif) and comments, keeps APP0, tables and everything from SOS on', () => {
    const original = sampleJpeg({ exif: 'Canon EOS GPS 48.85N', comment: 'secret note' });
    assert.deepEqual(jpegMarkers(original), [0xe0, 0xe1, 0xfe, 0xdb, 0xda]);
    const stripped = stripJpegMetadata(original);
    assert.deepEqual(jpegMarkers(stripped), [0xe0, 0xdb, 0xda]);
    assert.ok(!stripped.includes('Exif'));
    assert.ok(!stripped.includes('secret'));
    const sos = original.indexOf(Buffer.from([0xff, 0xda]));
    assert.ok(stripped.subarray(stripped.indexOf(Buffer.from([0xff, 0xda]))).equals(original.subarray(sos)));
  });

  test('leaves a clean JPEG unchanged', () => {
    const clean = sampleJpeg();
    assert.ok(stripJpegMetadata(clean).equals(clean));
  });

  test('refuses a segment that runs past the end', () => {
    const jpeg = sampleJpeg({ exif: 'x' });
    assert.throws(() => stripJpegMetadata(jpeg.subarray(0, 30)), ImageMetadataError);
  });
});

test('stripImageMetadata picks the format from the content and refuses others', () => {
  assert.ok(!stripImageMetadata(samplePng({ text: 'x' })).includes('tEXt'));
  assert.ok(!stripImageMetadata(sampleJpeg({ exif: 'x' })).includes('Exif'));
  assert.throws(() => stripImageMetadata(Buffer.from('%PDF-1.4')), ImageMetadataError);
});
