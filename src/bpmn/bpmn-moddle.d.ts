// The parts of bpmn-moddle's API linesight uses (its own types are not resolvable under NodeNext).
declare module 'bpmn-moddle' {
  export interface ParseResult {
    rootElement: import('./moddle.js').Element;
    warnings: { message: string; element?: unknown }[];
    elementsById: Record<string, unknown>;
  }
  export class BpmnModdle {
    constructor(packages?: Record<string, unknown>);
    fromXML(xml: string, type?: string): Promise<ParseResult>;
    toXML(element: unknown, options?: { format?: boolean }): Promise<{ xml: string }>;
    create(type: string, attrs?: Record<string, unknown>): import('./moddle.js').Element;
  }
}
