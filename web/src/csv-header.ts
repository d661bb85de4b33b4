/**
 * The column names of a CSV file, from its first line, read in the browser so that the data page
 * can offer them before anything is uploaded. The delimiter is the one of , ; tab | that the line
 * holds most outside quotes, as DuckDB's reader (which the import uses) finds it on such a file.
 */
const DELIMITERS = [',', ';', '\t', '|'];

/** The fields of one line split at `delimiter`, with quoted fields unquoted ("" inside is one "). */
function fields(line: string, delimiter: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === delimiter) {
      out.push(field);
      field = '';
    } else field += ch;
  }
  out.push(field);
  return out.map((f) => f.trim());
}

/** The header's names, in order; none for a text with no line that has any. */
export function csvHeader(text: string): string[] {
  const line = (text.replace(/^\uFEFF/, '').split(/\r?\n/)[0] ?? '').trim();
  if (line === '') return [];
  const counts = DELIMITERS.map((d) => fields(line, d).length);
  const best = DELIMITERS[counts.indexOf(Math.max(...counts))] as string;
  return fields(line, best).filter((name) => name !== '');
}

/** The most of a file read for its header: DuckDB's longest line, which the import takes. */
const HEADER_BYTES = 2_000_000;

/**
 * The header's names of a CSV file, read from its start until its first line ends: a wide
 * export's header (thousands of columns) is longer than a first read of 64 KiB, and cut there its
 * last name was offered cut and the names after it not at all.
 */
export async function fileCsvHeader(file: Blob): Promise<string[]> {
  for (let bytes = 1 << 16; ; bytes *= 4) {
    const text = await file.slice(0, Math.min(bytes, HEADER_BYTES)).text();
    if (text.includes('\n') || bytes >= file.size || bytes >= HEADER_BYTES) return csvHeader(text);
  }
}
