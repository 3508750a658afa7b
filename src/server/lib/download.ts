import type { FastifyReply } from 'fastify';
import type { TabularFile } from './tabular.js';

/** Sends a file for download (CSV, xlsx, JSON) with its media type and Content-Disposition. */
export function sendDownload(reply: FastifyReply, file: TabularFile) {
  return reply.type(file.contentType).header('content-disposition', file.disposition).send(file.body);
}
