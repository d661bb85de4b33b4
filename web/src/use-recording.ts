/**
 * The "edit as a scenario" switch's state: which scenario is recorded, and the model as that
 * scenario makes it, asked of the server whenever the text changes (typing, undo) and set at once
 * from the edit itself so the forms never lag behind a click.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Recording } from '../../src/model/edits/scenario-record';
import { api } from './api';
import type { ScenarioRecording } from './use-doc';

export function useRecording(name: string, text: string | null) {
  const [scenario, setScenario] = useState<Recording | null>(null);
  const [view, setView] = useState<{ id: string; text: string } | null>(null);
  useEffect(() => {
    if (!scenario || text === null) return;
    const timer = setTimeout(() => {
      api.scenarioView(name, text, scenario.id).then(
        // A scenario not written yet changes nothing: its view is the model itself.
        (v) => setView({ id: scenario.id, text: v ?? text }),
        () => undefined,
      );
    }, 250);
    return () => clearTimeout(timer);
  }, [scenario?.id, text]);
  const recording: ScenarioRecording | null = scenario
    ? {
        scenario,
        // Empty until the server has answered for this scenario: edits wait for it.
        view: view?.id === scenario.id ? view.text : '',
        onView: (v) => setView({ id: scenario.id, text: v }),
      }
    : null;
  return {
    recording,
    // A new scenario changes nothing yet: its view is the model's text at once, so that the first
    // edit, however quick, is not refused while the server is asked.
    start: (s: Recording, fresh: boolean) => {
      setView(fresh && text !== null ? { id: s.id, text } : null);
      setScenario(s);
    },
    stop: () => setScenario(null),
  };
}
