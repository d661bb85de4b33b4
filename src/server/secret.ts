/** Comparing secrets (a token, a session cookie) without telling a guesser how much was right. */
import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Compares in constant time, whatever the lengths. */
export const sameSecret = (given: string, wanted: string) => timingSafeEqual(digest(given), digest(wanted));
