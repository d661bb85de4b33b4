/**
 * Names for an analysis's temporary tables. Temporary tables belong to the store's connection,
 * which every request on a store shares, so two analyses at once (the server's requests, a
 * caller's Promise.all) would replace and drop each other's tables under one fixed name.
 */
let made = 0;

export function workTable(prefix: string): string {
  made += 1;
  return `${prefix}_${process.pid}_${made}`;
}
