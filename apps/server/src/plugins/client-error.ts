// Requests Node cannot even parse (a 100 KB URL, oversized headers, garbage) are answered in
// the API's JSON error shape — 414 for a request line that is too long, 431 for headers, 400
// otherwise — and the connection is closed gracefully: the response is written, our side ends,
// and what the client is still sending is read and dropped for a moment. (Fastify's default
// destroys the socket at once, which resets the connection before the client reads the answer.)
import type { FastifyBaseLogger } from 'fastify';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';

const DRAIN_MS = 2000;

type ClientError = Error & { code?: string; rawPacket?: unknown };

function classify(error: ClientError): { status: number; code: string; message: string } {
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') return { status: 408, code: 'request_timeout', message: 'the request took too long to arrive' };
  if (error.code === 'HPE_HEADER_OVERFLOW') {
    const text = Buffer.isBuffer(error.rawPacket) ? error.rawPacket.subarray(0, 64 * 1024).toString('latin1') : '';
    const eol = text.indexOf('\r\n');
    const stillInRequestLine = eol === -1 && /^[A-Z]{3,10} \S/.test(text);
    if (stillInRequestLine || (eol > 8 * 1024 && !text.slice(0, eol).includes(': '))) {
      return { status: 414, code: 'uri_too_long', message: 'the URL is too long (at most 16 KB with its headers): send long data in a JSON body' };
    }
    return { status: 431, code: 'headers_too_large', message: 'the request headers are too large (at most 16 KB in all)' };
  }
  return { status: 400, code: 'bad_request', message: 'the request is not valid HTTP/1.1' };
}

export function clientErrorHandler(this: { log: FastifyBaseLogger }, error: ClientError, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const { status, code, message } = classify(error);
  this.log.info({ status, err: { code: error.code, message: error.message } }, 'unreadable request');
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const body = JSON.stringify({ error: code, message });
  socket.write(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\nx-content-type-options: nosniff\r\n\r\n${body}`,
  );
  socket.end();
  socket.on('data', () => {}).on('error', () => {});
  socket.resume();
  setTimeout(() => socket.destroy(), DRAIN_MS).unref();
}
