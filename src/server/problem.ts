/**
 * Every error as the API answers it: `{ error, hint }` (and `details` where there are any) with the
 * status that says what went wrong. A user's input is never a 500: malformed JSON, a body too large,
 * a store held by another process each get their own status and what to do about it.
 */
import { WriteRefused } from '../fs/write-atomic.js';
import { StoreBusyError } from '../mining/store-busy.js';
import { StoreOpenError } from '../mining/store-open-error.js';
import { TooManyActivitiesError } from '../mining/too-many-activities.js';
import { HttpError } from './http-error.js';

export interface Problem {
  status: number;
  body: { error: string; hint?: string; details?: unknown };
  headers: Record<string, string>;
}

/** Seconds a client should wait before trying a busy store again. */
export const STORE_RETRY_SECONDS = 5;

type FastifyError = Error & { statusCode?: number; code?: string };

const FASTIFY: Record<string, (e: FastifyError) => Omit<Problem, 'headers'>> = {
  FST_ERR_CTP_INVALID_JSON_BODY: (e) => ({
    status: 400,
    body: {
      error: `the body is not valid JSON (${e.message})`,
      hint: 'send a JSON object, e.g. {"text": "..."}',
    },
  }),
  FST_ERR_CTP_EMPTY_JSON_BODY: () => ({
    status: 400,
    body: { error: 'the body is empty but says it is JSON', hint: 'send a JSON object, or no Content-Type' },
  }),
  FST_ERR_CTP_INVALID_MEDIA_TYPE: (e) => ({
    status: 415,
    body: { error: e.message, hint: 'GET /api/openapi.json describes what each route takes' },
  }),
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: () => ({
    status: 400,
    body: { error: 'the body is not as long as Content-Length says', hint: 'send the whole body' },
  }),
};

export function problemOf(error: FastifyError, bodyTooLargeHint: string): Problem {
  if (error instanceof HttpError)
    return {
      status: error.status,
      body: {
        error: error.message,
        ...(error.hint ? { hint: error.hint } : {}),
        ...(error.details ? { details: error.details } : {}),
      },
      headers: error.headers,
    };
  if (error instanceof StoreBusyError)
    return {
      status: 503,
      body: { error: error.message, hint: error.hint },
      headers: { 'Retry-After': String(STORE_RETRY_SECONDS) },
    };
  // The workspace's store file cannot be read (damaged, or not a store): not the request's fault.
  if (error instanceof StoreOpenError)
    return { status: 503, body: { error: error.message, hint: error.hint }, headers: {} };
  // A log whose activity column holds ids: the request asked for what the log cannot give.
  if (error instanceof TooManyActivitiesError)
    return { status: 422, body: { error: error.message, hint: error.hint }, headers: {} };
  // The workspace's disk is full or read-only: nothing was written, and not the request's fault.
  if (error instanceof WriteRefused)
    return { status: 503, body: { error: error.message, hint: error.hint }, headers: {} };
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
    return {
      status: 413,
      body: { error: 'the request body is too large', hint: bodyTooLargeHint },
      headers: {},
    };
  const known = error.code ? FASTIFY[error.code] : undefined;
  if (known) return { ...known(error), headers: {} };
  if (error.statusCode && error.statusCode < 500)
    return {
      status: error.statusCode,
      body: { error: error.message, hint: 'GET /api/openapi.json describes the routes' },
      headers: {},
    };
  return {
    status: 500,
    body: { error: 'internal error', hint: 'this is a bug in linesight; please report what you did' },
    headers: {},
  };
}
