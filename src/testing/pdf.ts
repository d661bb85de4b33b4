/**
 * A PDF as tests read it: its pages with their size and text, and its fonts. Reads the plain
 * structure pdfkit writes (numbered objects, deflated streams, Type0 fonts with ToUnicode maps);
 * the text of a page is what a viewer's search finds, decoded glyph by glyph through those maps.
 */
import { inflateSync } from 'node:zlib';

export interface ReadPdf {
  pages: { width: number; height: number; text: string }[];
  fonts: { name: string; embedded: boolean }[];
}

interface PdfObject {
  dict: string;
  stream?: Buffer;
}

export function readPdf(bytes: Buffer): ReadPdf {
  const objects = new Map<number, PdfObject>();
  const latin = bytes.toString('latin1');
  for (const m of latin.matchAll(/(\d+) 0 obj\n([\s\S]*?)endobj/g)) {
    const body = m[2] as string;
    const at = body.indexOf('stream\n');
    const dict = at < 0 ? body : body.slice(0, at);
    const object: PdfObject = { dict };
    if (at >= 0) {
      const start = (m.index as number) + m[0].indexOf('stream\n') + 'stream\n'.length;
      const raw = bytes.subarray(start, start + Number(/\/Length (\d+)/.exec(dict)?.[1]));
      object.stream = dict.includes('/FlateDecode') ? inflateSync(raw) : raw;
    }
    objects.set(Number(m[1]), object);
  }
  const ref = (dict: string, key: string) => Number(new RegExp(`/${key} (\\d+) 0 R`).exec(dict)?.[1]);
  const fonts = [...objects.values()]
    .filter((o) => /\/Type \/FontDescriptor/.test(o.dict))
    .map((o) => ({
      name: /\/FontName \/(\S+)/.exec(o.dict)?.[1] ?? '',
      embedded: /\/FontFile[23]? \d+ 0 R/.test(o.dict),
    }));
  const pages = [...objects.values()]
    .filter((o) => /\/Type \/Page\n/.test(o.dict))
    .map((page) => {
      const box = (/\/MediaBox \[([^\]]+)\]/.exec(page.dict)?.[1] ?? '').trim().split(/\s+/).map(Number);
      const resources = objects.get(ref(page.dict, 'Resources'))?.dict ?? '';
      const maps = new Map<string, Map<number, string>>();
      for (const [, name, id] of resources.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
        const font = objects.get(Number(id))?.dict ?? '';
        maps.set(
          name as string,
          toUnicode(objects.get(ref(font, 'ToUnicode'))?.stream?.toString('latin1') ?? ''),
        );
      }
      const content = objects.get(ref(page.dict, 'Contents'))?.stream?.toString('latin1') ?? '';
      return { width: box[2] ?? 0, height: box[3] ?? 0, text: pageText(content, maps) };
    });
  return { pages, fonts };
}

/** Each shown string on a line of its own, decoded with the map of the font it is shown in. */
function pageText(content: string, maps: Map<string, Map<number, string>>): string {
  const lines: string[] = [];
  let map = new Map<number, string>();
  for (const m of content.matchAll(/\/(F\d+) [\d.]+ Tf|\[([^\]]*)\] TJ/g)) {
    if (m[1]) map = maps.get(m[1]) ?? new Map();
    else
      lines.push(
        [...(m[2] as string).matchAll(/<([0-9a-f]*)>/g)]
          .map(([, hex]) =>
            (hex?.match(/.{4}/g) ?? []).map((g) => map.get(Number.parseInt(g, 16)) ?? '?').join(''),
          )
          .join(''),
      );
  }
  return lines.join('\n');
}

/** A ToUnicode CMap's bfchar and bfrange entries: glyph code to text. */
function toUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const text = (hex: string) =>
    String.fromCharCode(...(hex.replace(/\s/g, '').match(/.{4}/g) ?? []).map((h) => Number.parseInt(h, 16)));
  for (const [, code, to] of cmap.matchAll(/<([0-9a-f]{4})>\s*<([0-9a-f\s]+)>\s*$/gim))
    map.set(Number.parseInt(code as string, 16), text(to as string));
  for (const [, from, , list] of cmap.matchAll(/<([0-9a-f]{4})>\s*<([0-9a-f]{4})>\s*\[([^\]]*)\]/gi)) {
    const targets = [...(list as string).matchAll(/<([0-9a-f\s]+)>/gi)].map((t) => text(t[1] as string));
    for (const [i, t] of targets.entries()) map.set(Number.parseInt(from as string, 16) + i, t);
  }
  return map;
}
