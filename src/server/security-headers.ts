/**
 * The headers that tell a browser what linesight's responses may do, on every response (errors
 * too). The guard refuses what other sites make a browser send; these keep other sites from
 * framing linesight's pages (a click on a hidden "Remove" button), keep a diagram opened on its
 * own from running anything, and keep a page's address (which may carry `?token=`) out of the
 * Referer of the links it holds.
 */
import type { FastifyInstance } from 'fastify';

/**
 * Pages: scripts and connections only from linesight itself. Styles may be inline: the editor
 * (CodeMirror) and the diagrams bring theirs in `<style>` elements, and the reports in attributes.
 */
export const PAGE_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Everything else (diagrams, exports, JSON): nothing loads and nothing runs, even when a person
 * opens an SVG on its own; `sandbox` gives such a document an origin of its own.
 */
export const DOCUMENT_POLICY = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  'img-src data:',
  'font-src data:',
  "frame-ancestors 'none'",
  'sandbox',
].join('; ');

export function installSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (_request, reply, payload) => {
    const html = String(reply.getHeader('content-type') ?? '').startsWith('text/html');
    reply.headers({
      'content-security-policy': html ? PAGE_POLICY : DOCUMENT_POLICY,
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
      'cross-origin-opener-policy': 'same-origin',
    });
    return payload;
  });
}
