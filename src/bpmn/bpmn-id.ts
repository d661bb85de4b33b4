/** BPMN ids are XML NCNames: letters, digits, '-', '_' and '.', not starting with a digit. */
export const bpmnId = (prefix: string, ...parts: string[]) =>
  `${prefix}_${parts.join('_').replace(/[^A-Za-z0-9_.-]/g, '_')}`;
