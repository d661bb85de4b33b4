/// <reference lib="dom" />
// Its callbacks run in the browser (page.evaluate): the DOM's types.
/**
 * BPMN import and export on the interchange test suite's files and on the examples: every file
 * imports (a valid model, or a clear refusal), round trips are stable, linesight's exports open in
 * bpmn-js without warnings, and broken input fails fast with a message.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { load, parse } from '../model/load.js';
import type { Model } from '../model/model.js';
import { serializeModel } from '../model/serialize.js';
import { hasChromium, launchChromium } from '../testing/browser.js';
import { BPMN_SUITE } from '../testing/data.js';
import { screenshot } from '../testing/screenshot.js';
import { exportBpmn } from './export.js';
import { importBpmn } from './import.js';
import { checkBpmnLinks } from './links.js';

const EXAMPLES = new URL('../../examples/', import.meta.url).pathname;

function bpmnFiles(dir: string): string[] {
  return readdirSync(dir)
    .flatMap((f) =>
      statSync(join(dir, f)).isDirectory()
        ? bpmnFiles(join(dir, f))
        : f.endsWith('.bpmn')
          ? [join(dir, f)]
          : [],
    )
    .sort();
}

const modelOf = async (xml: string, options: { ignoreEmbedded?: boolean; customerPool?: string } = {}) => {
  const result = await importBpmn(xml, options);
  expect(result.error, result.error?.message).toBeUndefined();
  // Read as if beside the examples, so that a competitor's relative baseline resolves.
  const loaded = parse(stringify(result.model), { file: join(EXAMPLES, 'imported.yaml') });
  expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return { model: loaded.model as Model, warnings: result.warnings, embedded: result.embedded };
};

const examples = readdirSync(EXAMPLES)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => [f, load(join(EXAMPLES, f)).model as Model] as const);

describe('the BPMN interchange test suite', () => {
  const files = bpmnFiles(BPMN_SUITE);

  it('is all there: 52 files', () => {
    expect(files).toHaveLength(52);
  });

  /** C.4.0 has four service pools and no customer: the importer asks which pool to read. */
  const optionsFor = (file: string) => (/C\.4\.0/.test(file) ? { customerPool: 'IT' } : {});

  it('imports every file as a model that validates, each leaving out what does not map with a warning', async () => {
    let warnings = 0;
    for (const file of files) {
      const { model, warnings: w } = await modelOf(readFileSync(file, 'utf8'), optionsFor(file));
      expect(model.steps.length, file).toBeGreaterThan(0);
      warnings += w.length;
    }
    expect(warnings).toBeGreaterThan(0);
  });

  it('reads C.2.0 "Buying at Amazon" with the customer pool as the journey and the others behind it', async () => {
    const { model } = await modelOf(readFileSync(join(BPMN_SUITE, 'miwg/reference/C.2.0.bpmn'), 'utf8'));
    expect(model.organization.departments.map((d) => d.name).sort()).toEqual([
      'Amazon',
      'Carrier',
      'Credit Card Company',
    ]);
    // The sub-process "Checkout" is a stage; its inner task the step the company serves.
    expect(model.stages.map((s) => s.name)).toContain('Checkout');
    const checkout = model.steps.find((s) => s.name === 'Pay Order');
    expect(checkout?.stage).toBe('checkout');
    expect(checkout?.backstage.map((a) => a.name)).toEqual(
      expect.arrayContaining(['Take Payment', 'Pick items']),
    );
  });

  it('refuses to guess the customer of C.4.0, whose pools are all services: the pools are listed', async () => {
    const refused: string[] = [];
    for (const file of files) {
      const result = await importBpmn(readFileSync(file, 'utf8'));
      if (result.error) {
        refused.push(file.split('/').pop() as string);
        expect(result.error.message).toContain("'Money Bank', 'IT', 'Payroll', 'Facilities'");
        expect(result.error.hint).toContain('--customer-pool NAME');
      }
    }
    expect(refused.sort()).toEqual(['C.4.0-export.bpmn', 'C.4.0.bpmn']);
  });

  it('reads C.4.0 with --customer-pool IT, a pool of its second collaboration', async () => {
    const { model } = await modelOf(readFileSync(join(BPMN_SUITE, 'miwg/reference/C.4.0.bpmn'), 'utf8'), {
      customerPool: 'IT',
    });
    expect(model.segments.map((s) => s.name)).toEqual(['IT']);
    expect(model.organization.departments.map((d) => d.name)).toContain('Money Bank');
  });

  it('reads C.1.0 with the team assistant as the customer of the process engine, and says why', async () => {
    const { model, warnings } = await modelOf(
      readFileSync(join(BPMN_SUITE, 'miwg/reference/C.1.0.bpmn'), 'utf8'),
    );
    expect(model.segments.map((s) => s.name)).toEqual(['Team-Assistant']);
    expect(model.steps.map((s) => s.name)).toContain('Scan Invoice');
    expect(model.organization.departments.map((d) => d.name)).toEqual(['Process Engine - Invoice Receipt']);
    expect(warnings.join('\n')).toMatch(
      /'Team-Assistant' is read as the customer's because it exchanges 5 message/,
    );
  });

  it('is stable through import, export, import', async () => {
    for (const file of files) {
      const first = await modelOf(readFileSync(file, 'utf8'), optionsFor(file));
      const xml = await exportBpmn(first.model, '0.0.0');
      const second = await modelOf(xml);
      expect(second.embedded).toBe(true);
      expect(serializeModel(second.model), file).toEqual(serializeModel(first.model));
      expect(await exportBpmn(second.model, '0.0.0'), file).toBe(xml);
    }
  });
});

describe('exporting the examples', () => {
  it.each(examples)('%s: export, import, export gives the same model and the same XML', async (_f, model) => {
    const xml = await exportBpmn(model, '0.0.0');
    const back = await modelOf(xml);
    expect(serializeModel(back.model)).toEqual(serializeModel(model));
    expect(await exportBpmn(back.model, '0.0.0')).toBe(xml);
  });

  it.each(examples)(
    '%s: read as a plain diagram, the export gives a valid journey with the same steps',
    async (_f, model) => {
      const xml = await exportBpmn(model, '0.0.0');
      const { model: plain } = await modelOf(xml, { ignoreEmbedded: true });
      const names = (m: Model) => m.steps.map((s) => s.name).sort();
      const reachable = new Set(Object.keys(Object.fromEntries(model.steps.map((s) => [s.name, 1]))));
      expect(names(plain).every((n) => reachable.has(n))).toBe(true);
      expect(plain.steps.length).toBeGreaterThan(0);
      expect(plain.organization.departments.length).toBeGreaterThan(0);
    },
  );

  it("opens every export, and every scenario's, in bpmn-js, in headless Chromium, with no import warnings", async () => {
    expect(hasChromium(), 'Chromium is needed: apt-get install -y chromium').toBe(true);
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
      await page.setContent(
        '<html><body style="margin:0"><div id="canvas" style="width:1600px;height:900px"></div></body></html>',
      );
      const assets = new URL('../../node_modules/bpmn-js/dist/', import.meta.url).pathname;
      await page.addStyleTag({ path: `${assets}assets/diagram-js.css` });
      await page.addStyleTag({ path: `${assets}assets/bpmn-js.css` });
      await page.addScriptTag({ path: `${assets}bpmn-viewer.production.min.js` });
      const withScenarios = examples.flatMap(([file, model]) => [
        [file, model] as const,
        ...model.scenarios.map(
          (sc) =>
            [
              file.replace('.yaml', `-s-${sc.id}.yaml`),
              load(join(EXAMPLES, file), { scenario: sc.id }).model as Model,
            ] as const,
        ),
      ]);
      for (const [file, model] of withScenarios) {
        const xml = await exportBpmn(model, '0.0.0');
        const result = await page.evaluate(async (text) => {
          const w = window as unknown as {
            BpmnJS: new (
              o: object,
            ) => {
              importXML(x: string): Promise<{ warnings: { message: string }[] }>;
              get(n: string): { zoom(z: string): void };
            };
          };
          const canvas = document.getElementById('canvas') as HTMLElement;
          canvas.innerHTML = '';
          const viewer = new w.BpmnJS({ container: canvas });
          const { warnings } = await viewer.importXML(text);
          viewer.get('canvas').zoom('fit-viewport');
          return {
            warnings: warnings.map((x) => x.message),
            shapes: document.querySelectorAll('.djs-shape').length,
          };
        }, xml);
        expect(result.warnings, file).toEqual([]);
        expect(result.shapes, file).toBeGreaterThan(model.steps.length);
        await screenshot(page, `bpmn-${file.replace('.yaml', '')}`);
      }
    } finally {
      await browser.close();
    }
  });
});

describe('bad input', () => {
  it('explains malformed XML, XML that is not BPMN, and a pool that names nothing', async () => {
    expect(
      (
        await importBpmn(
          '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"><unclosed',
        )
      ).error?.message,
    ).toContain('not well-formed');
    const notBpmn = await importBpmn('<?xml version="1.0"?><!-- a page --><html><body>hello</body></html>');
    expect(notBpmn.error?.message).toBe('the file is XML but not BPMN 2.0: its root is <html>');
    expect((await importBpmn(' \n')).error?.message).toBe('the file is empty');
    // Decoded by its declared encoding before the parser sees it: no doubt about that encoding.
    const latin1 = readFileSync(join(BPMN_SUITE, 'miwg/reference/A.1.0.bpmn'), 'utf8');
    expect(latin1).toContain('ISO-8859-1');
    expect((await importBpmn(latin1)).warnings.join('\n')).not.toContain('encoding');
    const c20 = readFileSync(join(BPMN_SUITE, 'miwg/reference/C.2.0.bpmn'), 'utf8');
    const wrongPool = await importBpmn(c20, { customerPool: 'Shopper' });
    expect(wrongPool.error).toMatchObject({
      message: "there is no pool named 'Shopper'",
      hint: expect.stringContaining("'Customer'"),
    });
  });

  it('reads a file of several MiB in seconds, not forever', async () => {
    const big = examples.find(([f]) => f === 'order-departments.yaml')?.[1] as Model;
    let xml = await exportBpmn(big, '0.0.0');
    // Pad with documentation until the file is over 4 MiB.
    const padding = `<bpmn:documentation>${'x'.repeat(1024 * 1024)}</bpmn:documentation>`;
    xml = xml.replace(/(<bpmn:process [^>]*>)/, `$1${padding.repeat(4)}`);
    expect(xml.length).toBeGreaterThan(4 * 1024 * 1024);
    const started = performance.now();
    const result = await importBpmn(xml);
    expect(result.error).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(20000);
  });
});

describe('links to BPMN files', () => {
  it('are checked: a missing process or activity is named, with the closest id', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'linesight-'));
    const original = readFileSync(join(EXAMPLES, 'bpmn/order-to-cash.bpmn'), 'utf8');
    const ok = load(join(EXAMPLES, 'order-departments.yaml'));
    expect(await checkBpmnLinks(ok.model as Model, ok.document as NonNullable<typeof ok.document>)).toEqual(
      [],
    );
    writeFileSync(
      join(dir, 'order-departments.yaml'),
      readFileSync(join(EXAMPLES, 'order-departments.yaml')),
    );
    for (const f of ['order-to-cash', 'return-to-refund', 'issue-to-resolution'])
      writeFileSync(join(dir, `${f}.bpmn`), '');
    const broken = readFileSync(join(dir, 'order-departments.yaml'), 'utf8').replaceAll(
      'file: bpmn/',
      'file: ',
    );
    writeFileSync(join(dir, 'order-departments.yaml'), broken);
    writeFileSync(
      join(dir, 'order-to-cash.bpmn'),
      original
        .replace('Activity_CheckStock', 'Activity_CheckStok')
        .replace('id="Process_OrderToCash"', 'id="Process_OrderToCashh"'),
    );
    const loaded = load(join(dir, 'order-departments.yaml'));
    const problems = await checkBpmnLinks(
      loaded.model as Model,
      loaded.document as NonNullable<typeof loaded.document>,
    );
    expect(problems.find((d) => d.message.includes("no process 'Process_OrderToCash'"))?.hint).toBe(
      "did you mean 'Process_OrderToCashh'?",
    );
    expect(problems.find((d) => d.message.includes("no element 'Activity_CheckStock'"))?.hint).toBe(
      "did you mean 'Activity_CheckStok'?",
    );
    expect(
      problems.some(
        (d) => d.message.includes('return-to-refund.bpmn') && d.message.includes('not readable BPMN'),
      ),
    ).toBe(true);
  });

  it('are read only inside the root: the folder of the model, or the one the caller names', async () => {
    const top = mkdtempSync(join(tmpdir(), 'linesight-'));
    const dir = join(top, 'models');
    mkdirSync(dir);
    writeFileSync(join(top, 'outside.bpmn'), readFileSync(join(EXAMPLES, 'bpmn/order-to-cash.bpmn')));
    const text = readFileSync(join(EXAMPLES, 'order-departments.yaml'), 'utf8')
      .replace('file: bpmn/order-to-cash.bpmn', 'file: ../outside.bpmn')
      .replace('file: bpmn/return-to-refund.bpmn', 'file: /proc/self/environ');
    writeFileSync(join(dir, 'model.yaml'), text);
    for (const f of ['return-to-refund', 'issue-to-resolution']) {
      mkdirSync(join(dir, 'bpmn'), { recursive: true });
      writeFileSync(join(dir, 'bpmn', `${f}.bpmn`), readFileSync(join(EXAMPLES, `bpmn/${f}.bpmn`)));
    }
    const loaded = load(join(dir, 'model.yaml'));
    const document = loaded.document as NonNullable<typeof loaded.document>;
    const inFolder = await checkBpmnLinks(loaded.model as Model, document);
    expect(inFolder.map((d) => [d.code, d.path])).toEqual([
      ['file-refused', 'processes[0].bpmn.file'],
      ['file-refused', 'processes[1].bpmn.file'],
    ]);
    // The process environment was quoted, cut at the first line, as "not readable BPMN".
    expect(inFolder[1]?.message).toMatch(
      /^process 'return-to-refund': cannot read \/proc\/self\/environ: it lies outside/,
    );
    const wider = await checkBpmnLinks(loaded.model as Model, document, { root: top });
    expect(wider.map((d) => d.path)).toEqual(['processes[1].bpmn.file']);
  });
});
