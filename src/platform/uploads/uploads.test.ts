import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { watch } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { PDFDocument } from 'pdf-lib';
import { resourceForm } from '../../features/resources/fixtures.ts';
import { startTestApp, type TestApp } from '../../test/app.ts';
import { createMember, type TestMember } from '../../test/members.ts';
import { exifWithGps, samplePdf, sampleJpeg } from '../../test/sample-files.ts';
import { ATTACHMENT_FORM_LIMITS, incomingDirectory, maxUploadBytes, removeAbandonedUploads } from './multipart.ts';

/**
 * The multipart reader seen from outside: what is refused before any file is read, damaged and
 * abandoned bodies, and what is left of a file once it is stored. Some requests are written by
 * hand on a socket, because only there can a body be sent in part, or the connection dropped.
 */

interface LogRecord {
  level: number;
  msg: string;
  reqId?: string;
}

let testApp: TestApp;
let dataDir: string;
let port: number;
let member: TestMember;
let editor: TestMember;
const logRecords: LogRecord[] = [];
const logWaiters: { matches: (record: LogRecord) => boolean; resolve: (record: LogRecord) => void }[] = [];

/** Resolves with the first log record, past or future, that matches. */
function logged(matches: (record: LogRecord) => boolean): Promise<LogRecord> {
  const seen = logRecords.find(matches);
  if (seen) return Promise.resolve(seen);
  return new Promise((resolve) => logWaiters.push({ matches, resolve }));
}

before(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'bridges-uploads-'));
  const stream = {
    write(line: string) {
      const record = JSON.parse(line) as LogRecord;
      logRecords.push(record);
      for (const waiter of logWaiters.filter((candidate) => candidate.matches(record))) {
        logWaiters.splice(logWaiters.indexOf(waiter), 1);
        waiter.resolve(record);
      }
    },
  };
  testApp = await startTestApp({ env: { DATA_DIR: dataDir }, logger: { level: 'info', stream } });
  await testApp.app.listen({ port: 0, host: '127.0.0.1' });
  port = (testApp.app.server.address() as AddressInfo).port;
  member = await createMember(testApp, { name: 'Mona Member' });
  editor = await createMember(testApp, { role: 'editor', name: 'Eda Editor' });
});
after(async () => {
  await testApp.close();
  await rm(dataDir, { recursive: true, force: true });
});

const db = () => testApp.deps.db;
const incoming = () => incomingDirectory(dataDir);
const waitingFiles = async () => readdir(incoming(), { recursive: true }).catch(() => [] as string[]);
const storedFiles = async () => readdir(path.join(dataDir, 'uploads')).catch(() => [] as string[]);

async function countResources(): Promise<number> {
  const { count } = await db().selectFrom('resources').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
  return Number(count);
}

type Part = { name: string; value: string } | { name: string; filename: string; content: Buffer };

/** A multipart body with its parts in the order given (fields need not come first). */
function multipart(parts: readonly Part[], options: { final?: boolean } = {}) {
  const boundary = `----upload-test-${randomBytes(6).toString('hex')}`;
  const chunks = parts.flatMap((part) =>
    'filename' in part
      ? [Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"; filename="${part.filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`), part.content, Buffer.from('\r\n')]
      : [Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"\r\n\r\n${part.value}\r\n`)],
  );
  if (options.final !== false) chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { contentType: `multipart/form-data; boundary=${boundary}`, payload: Buffer.concat(chunks) };
}

const fieldsOf = (form: Record<string, string | string[]>): Part[] =>
  Object.entries(form).flatMap(([name, value]) => (Array.isArray(value) ? value : [value]).map((item) => ({ name, value: item })));

/** A member's form post with the token of the form page first, as a browser sends it. */
async function formParts(who: TestMember, locale: string, extra: Part[] = []): Promise<Part[]> {
  await who.client.get(`/${locale}/resources/new`);
  return [{ name: '_csrf', value: who.client.formToken }, ...fieldsOf({ ...resourceForm({ url: '' }), action: 'draft' }), ...extra];
}

function injectPost(url: string, body: { contentType: string; payload: Buffer }, headers: Record<string, string> = {}) {
  return testApp.app.inject({ method: 'POST', url, headers: { 'content-type': body.contentType, ...headers }, payload: body.payload });
}

interface RawAnswer {
  head: string;
  text: string;
}

/**
 * Sends the request head and `sent` of the body on a socket, and reads what comes back until the
 * server closes the connection: with `declaredLength` above what is sent, an answer proves that
 * the server did not wait for the rest of the body.
 */
function rawPost(request: { url: string; contentType: string; declaredLength: number; sent: Buffer; cookie?: string }): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const received: Buffer[] = [];
    socket.on('data', (chunk) => received.push(chunk));
    // The server may close while the client still writes: that is the point, not a failure.
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ECONNRESET' && error.code !== 'EPIPE') reject(error);
    });
    socket.on('close', () => {
      const text = Buffer.concat(received).toString('utf8');
      resolve({ head: text.slice(0, text.indexOf('\r\n\r\n')), text });
    });
    const head = [
      `POST ${request.url} HTTP/1.1`,
      `Host: 127.0.0.1:${port}`,
      `Content-Type: ${request.contentType}`,
      `Content-Length: ${request.declaredLength}`,
      ...(request.cookie ? [`Cookie: ${request.cookie}`] : []),
      '',
      '',
    ].join('\r\n');
    socket.write(Buffer.concat([Buffer.from(head), request.sent]));
  });
}

describe('checked before any file is read', () => {
  test('a declared length above the form’s maximum gets 413 at once, in the page’s language, and nothing is kept', async () => {
    const before = await countResources();
    const answer = await rawPost({
      url: '/fr/resources',
      contentType: 'multipart/form-data; boundary=x',
      declaredLength: maxUploadBytes(ATTACHMENT_FORM_LIMITS) + 1,
      sent: Buffer.alloc(0),
    });
    assert.match(answer.head, /^HTTP\/1\.1 413/);
    assert.match(answer.head, /connection: close/i);
    assert.match(answer.text, /Votre envoi est trop volumineux/);
    assert.equal(await countResources(), before);
    assert.deepEqual(await waitingFiles(), []);
  });

  test('a signed-out upload is sent to sign in without its body being read', async () => {
    const body = multipart([{ name: '_csrf', value: 'anything' }, { name: 'attachments', filename: 'a.pdf', content: samplePdf() }]);
    // Twenty megabytes announced, a few hundred bytes sent: the answer cannot have waited for the rest.
    const answer = await rawPost({ url: '/es/resources', contentType: body.contentType, declaredLength: 20 * 1024 * 1024, sent: body.payload.subarray(0, 300) });
    assert.match(answer.head, /^HTTP\/1\.1 303/);
    assert.match(answer.head, /location: \/es\/login/i);
    assert.deepEqual(await waitingFiles(), []);
  });

  test('a member’s post without a valid token first is refused, and its file never touches the disk', async () => {
    const before = await countResources();
    const [, ...rest] = await formParts(member, 'en', [{ name: 'attachments', filename: 'a.pdf', content: samplePdf() }]);
    const file = rest.at(-1) as Part;
    const cookie = { cookie: member.client.cookieHeader() };
    const cases = {
      'no token': multipart(rest),
      'a forged token': multipart([{ name: '_csrf', value: 'forged' }, ...rest]),
      'the file before the token': multipart([file, { name: '_csrf', value: member.client.formToken }, ...rest.slice(0, -1)]),
    };
    for (const [name, body] of Object.entries(cases)) {
      const response = await injectPost('/en/resources', body, cookie);
      assert.equal(response.statusCode, 403, name);
      assert.match(response.body, /The form has expired/, name);
      assert.equal(response.headers.connection, 'close', name);
    }
    assert.equal(await countResources(), before);
    assert.deepEqual(await waitingFiles(), []);
  });

  test('only those who may import can send the practices import: a member’s file is not read', async () => {
    await member.client.get('/en/resources/new');
    const body = multipart([{ name: '_csrf', value: member.client.formToken }, { name: 'file', filename: 'p.csv', content: Buffer.from('title\nx\n') }]);
    const response = await injectPost('/en/practices/import', body, { cookie: member.client.cookieHeader() });
    assert.equal(response.statusCode, 403);
    assert.match(response.body, /You cannot do this/);
    assert.deepEqual(await waitingFiles(), []);
  });

  test('the token may come in a header instead, and the files wait on disk only until the answer', async () => {
    await editor.client.get('/en/resources/new');
    const body = multipart([...fieldsOf({ ...resourceForm({ url: '' }), action: 'draft' }), { name: 'attachments', filename: 'a.pdf', content: samplePdf() }]);
    const response = await injectPost('/en/resources', body, { cookie: editor.client.cookieHeader(), 'x-csrf-token': editor.client.formToken });
    assert.equal(response.statusCode, 303, response.body.slice(0, 1000));
    assert.equal(response.headers.connection, undefined, 'a body read to its end keeps the connection');
    assert.equal((await storedFiles()).length, 1);
    assert.deepEqual(await waitingFiles(), []);
  });
});

describe('damaged and abandoned bodies', () => {
  const damagedPage = /The form arrived incomplete/;

  test('a multipart post without a boundary gets a 400 page, signed in or not', async () => {
    const anonymous = await injectPost('/en/resources', { contentType: 'multipart/form-data', payload: Buffer.from('whatever') });
    assert.equal(anonymous.statusCode, 400);
    assert.match(anonymous.body, damagedPage);
    const signedIn = await injectPost('/ar/resources', { contentType: 'multipart/form-data', payload: Buffer.from('whatever') }, { cookie: member.client.cookieHeader() });
    assert.equal(signedIn.statusCode, 400);
    assert.match(signedIn.body, /وصل النموذج ناقصًا/);
  });

  test('garbage, a file cut short or a missing final boundary get a 400 page, store nothing and leave no file behind', async () => {
    const before = { resources: await countResources(), stored: (await storedFiles()).length };
    const upload = { name: 'attachments', filename: 'photo.jpg', content: sampleJpeg() };
    const whole = multipart(await formParts(member, 'en', [upload]));
    const cases = {
      garbage: { contentType: whole.contentType, payload: randomBytes(2000) },
      'no final boundary': multipart(await formParts(member, 'en', [upload]), { final: false }),
      'cut inside the file': { contentType: whole.contentType, payload: whole.payload.subarray(0, whole.payload.length - 200) },
    };
    for (const [name, body] of Object.entries(cases)) {
      // The token goes in a header here, so that reading reaches the damage whatever it is.
      const response = await injectPost('/en/resources', body, { cookie: member.client.cookieHeader(), 'x-csrf-token': member.client.formToken });
      assert.equal(response.statusCode, 400, `${name}: ${response.body.slice(0, 300)}`);
      assert.match(response.body, damagedPage, name);
    }
    assert.deepEqual({ resources: await countResources(), stored: (await storedFiles()).length }, before);
    assert.deepEqual(await waitingFiles(), []);
    assert.deepEqual(logRecords.filter((record) => record.level >= 50), []);
  });

  test('an upload the client abandons midway is logged as information, not as an error, and its file is removed', async () => {
    const parts = await formParts(member, 'fr', [{ name: 'attachments', filename: 'big.pdf', content: Buffer.concat([samplePdf(), randomBytes(256 * 1024)]) }]);
    const body = multipart(parts);
    await mkdir(incoming(), { recursive: true });
    // The file has started to arrive once the request's own folder appears.
    const receiving = new Promise<void>((resolve) => {
      const watcher = watch(incoming(), () => {
        watcher.close();
        resolve();
      });
    });
    const socket = connect(port, '127.0.0.1');
    socket.on('error', () => {});
    const head = `POST /fr/resources HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: ${body.contentType}\r\nContent-Length: ${body.payload.length}\r\nCookie: ${member.client.cookieHeader()}\r\n\r\n`;
    socket.write(Buffer.concat([Buffer.from(head), body.payload.subarray(0, body.payload.length - 100 * 1024)]));
    await receiving;
    socket.destroy();

    const aborted = await logged((record) => record.msg === 'upload aborted by the client');
    assert.equal(aborted.level, 30);
    // The request's last word: its refusal, at info too.
    const refused = await logged((record) => record.reqId === aborted.reqId && record.msg === 'request refused');
    assert.equal(refused.level, 30);
    assert.deepEqual(logRecords.filter((record) => record.reqId === aborted.reqId && record.level >= 40), []);
    assert.deepEqual(logRecords.filter((record) => record.level >= 50), []);
    assert.deepEqual(await waitingFiles(), []);
  });
});

describe('what is left of a file once stored', () => {
  test('a JPEG with GPS in its EXIF and a trailer after the image is stored as the bare image, still ending in FFD9', async () => {
    const trailer = '<html><body>GPS 48.8566N 2.3522E</body></html>';
    const photo = sampleJpeg({ exif: exifWithGps(), trailer });
    const parts = await formParts(member, 'es', [{ name: 'attachments', filename: 'foto.jpg', content: photo }]);
    const response = await injectPost('/es/resources', multipart(parts), { cookie: member.client.cookieHeader() });
    assert.equal(response.statusCode, 303, response.body.slice(0, 1000));
    const row = await db().selectFrom('attachments').selectAll().where('filename', '=', 'foto.jpg').executeTakeFirstOrThrow();
    const stored = await readFile(path.join(dataDir, 'uploads', row.storage_key));
    assert.equal(row.media_type, 'image/jpeg');
    assert.equal(row.byte_size, stored.length);
    assert.deepEqual([...stored.subarray(0, 2)], [0xff, 0xd8]);
    assert.deepEqual([...stored.subarray(-2)], [0xff, 0xd9]);
    for (const hidden of ['Exif', 'MM\0*', 'GPS', '<html>', trailer]) assert.ok(!stored.includes(hidden), `no ${JSON.stringify(hidden)}`);
    assert.equal(stored.indexOf(Buffer.from([0x88, 0x25])), -1, 'no GPSInfo tag');
    assert.ok(stored.equals(sampleJpeg()), 'the image itself is kept byte for byte');
    assert.deepEqual(await waitingFiles(), []);
  });

  test('a PDF with an author and XMP metadata is stored without them, and still opens', async () => {
    const parts = await formParts(member, 'es', [{ name: 'attachments', filename: 'informe.pdf', content: samplePdf({ author: 'Amina Secret' }) }]);
    const response = await injectPost('/es/resources', multipart(parts), { cookie: member.client.cookieHeader() });
    assert.equal(response.statusCode, 303, response.body.slice(0, 1000));
    const row = await db().selectFrom('attachments').selectAll().where('filename', '=', 'informe.pdf').executeTakeFirstOrThrow();
    const stored = await readFile(path.join(dataDir, 'uploads', row.storage_key));
    for (const hidden of ['/Author', 'Amina Secret', '/Producer', 'LibreOffice', '/Metadata', 'xmpmeta']) assert.ok(!stored.includes(hidden), `no ${hidden}`);
    assert.ok(stored.includes('(Welcome desks) Tj'));
    assert.equal((await PDFDocument.load(stored)).getPageCount(), 1);
  });
});

test('at start-up, files a killed process left waiting are removed, and recent ones, maybe another process’s, are kept', async () => {
  const folder = await mkdtemp(path.join(tmpdir(), 'bridges-abandoned-'));
  try {
    const old = path.join(incomingDirectory(folder), 'old');
    const recent = path.join(incomingDirectory(folder), 'recent');
    for (const request of [old, recent]) {
      await mkdir(request, { recursive: true });
      await writeFile(path.join(request, 'file'), 'x');
    }
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 60 * 60 * 1000);
    await utimes(old, twoDaysAgo, twoDaysAgo);
    await removeAbandonedUploads(folder);
    assert.deepEqual(await readdir(incomingDirectory(folder)), ['recent']);
    await removeAbandonedUploads(path.join(folder, 'no such folder'));
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
});
