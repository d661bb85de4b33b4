/**
 * The answers to requests refused before any route sees them, in the API's own shape
 * (`{error, hint}`): an address that is no valid URL, a name past the router's length, and what
 * Node's HTTP parser cannot read. Fastify answered these in its own words ("Bad Request" for a
 * 414, the whole URL echoed back).
 */
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** For Fastify's `frameworkErrors`: errors of the router. */
export function frameworkError(
  error: Error & { code?: string; statusCode?: number },
  _request: FastifyRequest,
  reply: FastifyReply,
): void {
  const [status, message, hint] =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? [
          414,
          'a part of the address is longer than a name may be',
          'use a shorter name (at most 100 characters)',
        ]
      : [
          400,
          'the address is not a valid URL',
          'encode it as a URL: a % must be followed by two hexadecimal digits (%20 for a space)',
        ];
  void reply.code(status).header('connection', 'close').send({ error: message, hint });
}

/** For Fastify's `clientErrorHandler`: what Node's HTTP parser could not read, answered before it closes. */
export function clientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, message, hint] =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, 'the request did not arrive whole in time', 'send it again, whole']
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'the request headers are too large', 'send smaller headers (cookies included)']
        : [400, 'the request is not valid HTTP', 'send a well-formed HTTP/1.1 request'];
  const body = JSON.stringify({ error: message, hint });
  if (socket.writable)
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${body}`,
    );
  socket.destroy();
}
