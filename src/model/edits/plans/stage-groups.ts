/**
 * The table's columns: one group per stage in the order of `stages:`, each with its steps in the
 * order of `steps:`; steps whose stage the model does not declare come last, in a group of
 * their own, so that nothing the YAML holds is hidden.
 */
import type { Item, ModelData } from './model-data.js';

export interface StageGroup {
  /** Undefined for the group of steps with an unknown stage. */
  stage?: Item;
  steps: Item[];
}

export function stageGroups(data: Pick<ModelData, 'stages' | 'steps'>): StageGroup[] {
  const groups: StageGroup[] = data.stages.map((stage) => ({
    stage,
    steps: data.steps.filter((s) => s.stage === stage.id),
  }));
  const known = new Set(data.stages.map((s) => s.id));
  const lost = data.steps.filter((s) => !known.has(s.stage as string));
  return lost.length ? [...groups, { steps: lost }] : groups;
}
