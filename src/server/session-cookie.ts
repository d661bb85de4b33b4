/**
 * The cookie a page opened with `?token=TOKEN` sets, so that the pages and their API calls need
 * the token no more. It carries when it was issued and an HMAC of that time keyed by the token:
 * not the token itself, and not a value that stays good for as long as the token does. A cookie
 * copied out of a browser (a shared profile, a backup) is good for SESSION_SECONDS after it was
 * issued at most; a browser in use has it renewed once half of that has passed, so a person at
 * work is not asked for the token again, and a session unused for SESSION_SECONDS has ended.
 * Changing the token ends every session at once.
 */
import { createHmac } from 'node:crypto';
import { sameSecret } from './secret.js';

/** How long a cookie is good for after it was issued: a working day and a half. */
export const SESSION_SECONDS = 12 * 3600;
/** Issue times this far ahead of the server's clock are taken (clocks of one machine agree). */
const SKEW_SECONDS = 60;

/** The cookie's name: one per port, since cookies do not tell ports apart. */
export const cookieName = (port: string) => `linesight-token-${port}`;

/** The cookie's value for a session issued at `issued` (seconds since 1970). */
export function sessionValue(token: string, issued: number): string {
  const mac = createHmac('sha256', token).update(`linesight session ${issued}`).digest('base64url');
  return `${issued}.${mac}`;
}

/**
 * The Set-Cookie header of a session issued now. No Max-Age: the browser drops it when it
 * closes, as before; the server refuses it past SESSION_SECONDS whatever the browser keeps.
 */
export function sessionCookie(token: string, port: string, now: number): string {
  return `${cookieName(port)}=${sessionValue(token, now)}; HttpOnly; SameSite=Strict; Path=/`;
}

/**
 * What a cookie's value is worth at `now`: `fresh`; `renew` (good, past half its life); `expired`
 * (it was good); `forged` (not made with this token, or not a session value at all).
 */
export function sessionState(
  value: string,
  token: string,
  now: number,
): 'fresh' | 'renew' | 'expired' | 'forged' {
  const match = /^(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(value);
  if (!match) return 'forged';
  const issued = Number(match[1]);
  if (!sameSecret(value, sessionValue(token, issued))) return 'forged';
  const age = now - issued;
  if (age < -SKEW_SECONDS) return 'forged';
  if (age >= SESSION_SECONDS) return 'expired';
  return age >= SESSION_SECONDS / 2 ? 'renew' : 'fresh';
}
