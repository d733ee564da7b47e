import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';

/** Sends a file built piece by piece, so an export of every record is never held in memory. */
export function streamDownload(reply: FastifyReply, type: string, filename: string, chunks: AsyncIterable<string>) {
  return reply.type(type).header('content-disposition', `attachment; filename="${filename}"`).send(Readable.from(chunks));
}

/** A JSON array written one record at a time. */
export async function* jsonArray<T>(records: AsyncIterable<T>): AsyncGenerator<string> {
  yield '[';
  let first = true;
  for await (const record of records) {
    yield `${first ? '' : ','}\n${JSON.stringify(record)}`;
    first = false;
  }
  yield '\n]\n';
}
