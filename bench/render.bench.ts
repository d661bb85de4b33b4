/**
 * How long drawing takes: a generated 300-step model to SVG (target: under 2 seconds), and the
 * departments example to SVG, PNG and PDF. Run with `npm run bench`.
 */
import { bench, describe } from 'vitest';
import { stringify } from 'yaml';
import { load, parse } from '../src/index.js';
import { randomModel } from '../src/testing/random-model.js';
import { toPdf } from '../src/views/pdf.js';
import { toPng } from '../src/views/png.js';
import { layout, renderSvg } from '../src/views/render.js';
import { toSvg } from '../src/views/svg.js';

const generated = parse(stringify(randomModel({ steps: 300, seed: 3 })), { file: 'generated.yaml' }).model;
const example = load(new URL('../examples/order-departments.yaml', import.meta.url).pathname).model;
if (!generated || !example) throw new Error('the bench models must be valid');

describe('render a generated 300-step model to SVG', () => {
  for (const view of ['blueprint', 'journey', 'e2e']) {
    bench(
      view,
      async () => {
        await renderSvg(generated, { view });
      },
      { iterations: 5, time: 0 },
    );
  }
});

describe('render examples/order-departments.yaml', () => {
  bench(
    'blueprint to SVG',
    async () => {
      await renderSvg(example, { view: 'blueprint' });
    },
    { iterations: 5, time: 0 },
  );
  bench(
    'blueprint to PNG',
    async () => {
      const d = await layout(example, { view: 'blueprint' });
      toPng(toSvg(d), d.width, d.height);
    },
    { iterations: 3, time: 0 },
  );
  for (const view of ['blueprint', 'journey', 'e2e']) {
    bench(
      `${view} to PDF`,
      async () => {
        await toPdf(await layout(example, { view }));
      },
      { iterations: 5, time: 0 },
    );
  }
});
