/**
 * `linesight render` with a part of the model: a focus for the swimlane views (--happy-path,
 * --min-reach, --stages) and the journey map's --path; bad ones exit 2 with what to do.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { load } from '../model/load.js';
import type { Model } from '../model/model.js';
import { linesight } from '../testing/cli.js';
import { focusSteps } from '../views/focus.js';
import { partOptions } from './commands/render-parts.js';

const example = fileURLToPath(new URL('../../examples/order-departments.yaml', import.meta.url));
const model = load(example).model as Model;
const stepRefs = (svg: string) =>
  [...new Set([...svg.matchAll(/data-kind="step" data-ref="([^"]+)"/g)].map((m) => m[1] as string))].sort();

describe('linesight render with a focus or a path', () => {
  it('draws the steps the focus keeps, and says so in the title', async () => {
    const { code, stdout } = await linesight(
      'render',
      example,
      '--view',
      'blueprint',
      '--segment',
      'business',
      '--min-reach',
      '20%',
      '--stages',
      'research, review-options',
    );
    expect(code).toBe(0);
    const focus = { minReach: '20%', stages: ['research', 'review-options'] };
    expect(stepRefs(stdout)).toEqual([...(focusSteps(model, { segment: 'business', focus }) ?? [])].sort());
    expect(stdout).toContain('(focus: steps reached by at least 20%; stages Research, Review options)');
    const happy = await linesight('render', example, '--view', 'e2e', '--happy-path');
    expect(happy.code).toBe(0);
    expect(stepRefs(happy.stdout)).toEqual(
      [...(focusSteps(model, { focus: { happyPath: true } }) ?? [])].sort(),
    );
  });

  it('draws the journey map of the steps given', async () => {
    const path = 'ivr-presales,sales-call,phone-order,order-confirmation';
    const { code, stdout } = await linesight(
      'render',
      example,
      '--view',
      'journey',
      '--segment',
      'business',
      '--path',
      path,
    );
    expect(code).toBe(0);
    expect(
      [...stdout.matchAll(/data-kind="step" data-ref="([^"]+)" data-lane="actions"/g)].map((m) => m[1]),
    ).toEqual(path.split(','));
  });

  it.each([
    [
      ['--view', 'blueprint', '--stages', 'reserch'],
      "the focus names stage 'reserch', which the model does not have: did you mean 'research'?",
    ],
    [['--view', 'blueprint', '--min-reach', '5'], 'min-reach: the probability "5" is outside [0, 1]'],
    [['--view', 'blueprint', '--min-reach', 'most'], 'min-reach: "most" is not a probability'],
    [
      ['--view', 'blueprint', '--stages', 'research', '--min-reach', '99%'],
      'the focus leaves no step to draw: lower min-reach',
    ],
    [['--view', 'journey', '--happy-path'], 'the journey view follows one path and takes no focus'],
    [
      ['--view', 'entity', '--path', 'browse-catalogue'],
      'a path is for the journey view, not the entity view',
    ],
    [
      ['--view', 'journey', '--path', 'browse-catalogue,phone-order'],
      "the path breaks at 'browse-catalogue' -> 'phone-order'",
    ],
    [
      ['--view', 'journey', '--path', 'browse-catalog'],
      "the path names 'browse-catalog', which is no step or end of the model: did you mean 'browse-catalogue'?",
    ],
    [['--view', 'journey', '--path', ','], 'the path names no steps'],
  ])('exits 2 on %j', async (args, message) => {
    const { code, stderr, stdout } = await linesight('render', example, ...args);
    expect(code).toBe(2);
    expect(stderr).toContain(`linesight: error: ${message}`);
    expect(stderr).not.toContain('    at ');
    expect(stdout).toBe('');
  });
});

describe('the part options as the views take them', () => {
  it('splits lists at commas and leaves out what was not given', () => {
    expect(partOptions({})).toEqual({});
    expect(partOptions({ happyPath: true, stages: 'a, b', path: 'x,y' })).toEqual({
      focus: { happyPath: true, stages: ['a', 'b'] },
      path: ['x', 'y'],
    });
    expect(partOptions({ minReach: '5%' })).toEqual({ focus: { minReach: '5%' } });
  });
});
