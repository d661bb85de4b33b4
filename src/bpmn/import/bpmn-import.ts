/** What a BPMN import gives: the model file's data, or why there is none, and what did not map. */
export interface BpmnImport {
  /** The model file's data; absent when the file cannot be read as a journey. */
  model?: Record<string, unknown>;
  warnings: string[];
  /** Why nothing could be made of the file, with what to do. */
  error?: { message: string; hint: string };
  /** True when the file carried linesight's own model. */
  embedded: boolean;
}
