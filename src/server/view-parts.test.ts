/** The render routes with a part of the model: a focus and the journey map's path, by query and by body. */
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from './app.js';

const EXAMPLES = new URL('../../examples/', import.meta.url).pathname;
let app: FastifyInstance;

beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'linesight-ws-'));
  cpSync(EXAMPLES, dir, { recursive: true });
  app = buildServer({ workspace: dir, workers: 1 });
});
afterAll(() => app.close());

const steps = (layout: { boxes: { kind: string; ref: string; lane: string }[] }, lane?: string) =>
  layout.boxes.filter((b) => b.kind === 'step' && (!lane || b.lane === lane)).map((b) => b.ref);

describe('render with a focus or a path', () => {
  it('takes them from the query of a saved model', async () => {
    const focused = await app.inject(
      '/api/models/order-departments.yaml/render?view=blueprint&segment=business&happyPath=true&stages=research,place-order&format=json',
    );
    expect(focused.statusCode).toBe(200);
    expect(steps(focused.json()).sort()).toEqual(
      ['browse-catalogue', 'product-page', 'web-checkout', 'order-confirmation'].sort(),
    );
    const path = 'ivr-presales,sales-call,phone-order';
    const journey = await app.inject(
      `/api/models/order-departments.yaml/render?view=journey&segment=business&path=${path}&format=json`,
    );
    expect(steps(journey.json(), 'actions')).toEqual(path.split(','));
    const reach = await app.inject('/api/models/order-departments.yaml/render?view=entity&minReach=50%25');
    expect(reach.body).toContain('focus: steps reached by at least 50%');
  });

  it('takes them from the body with the editor text', async () => {
    const text = readFileSync(join(EXAMPLES, 'order-departments.yaml'), 'utf8');
    const drawn = await app.inject({
      method: 'POST',
      url: '/api/render',
      payload: { text, view: 'e2e', minReach: 0.5, stages: ['research'] },
    });
    expect(drawn.statusCode).toBe(200);
    expect(drawn.body).toContain('stages Research');
    const journey = await app.inject({
      method: 'POST',
      url: '/api/render',
      payload: { text, view: 'journey', path: ['browse-catalogue', 'product-page', 'compare-options'] },
    });
    expect(journey.statusCode).toBe(200);
    expect(journey.body).toContain('Compares models, prices and delivery dates');
  });

  it.each([
    ['/api/models/order-departments.yaml/render?view=blueprint&stages=reserch', "did you mean 'research'?"],
    ['/api/models/order-departments.yaml/render?view=blueprint&minReach=2', 'outside [0, 1]'],
    [
      '/api/models/order-departments.yaml/render?view=blueprint&happyPath=yes',
      "'happyPath' is true or false",
    ],
    [
      '/api/models/order-departments.yaml/render?view=journey&path=browse-catalogue,phone-order',
      "'browse-catalogue' leads to",
    ],
  ])('refuses %s with 400', async (url, said) => {
    const r = await app.inject(url);
    expect(r.statusCode).toBe(400);
    expect(`${r.json().error} ${r.json().hint ?? ''}`).toContain(said);
  });

  it('refuses a body whose lists are not lists', async () => {
    const r = await app.inject({
      method: 'POST',
      url: '/api/render',
      payload: { text: 'x', stages: 'research' },
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().error).toContain("'stages' is a list of text");
  });
});
