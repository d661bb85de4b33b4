/** `linesight bpmn export` and `import` as a user runs them, with files in other folders. */
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { linesight } from '../testing/cli.js';
import { gatewayChain } from '../testing/input-cases.js';

const EXAMPLE = fileURLToPath(new URL('../../examples/order-departments.yaml', import.meta.url));

describe('linesight bpmn export, then import elsewhere', () => {
  it('gives a model whose BPMN links still find their files, where they travelled with it', async () => {
    // A workspace with the model and its BPMN files; the export goes to a folder of its own.
    const dir = mkdtempSync(join(tmpdir(), 'linesight-bpmn-'));
    cpSync(dirname(EXAMPLE), dir, { recursive: true });
    mkdirSync(join(dir, 'exports'));
    const model = join(dir, 'order-departments.yaml');
    expect((await linesight('bpmn', 'export', model, '-o', join(dir, 'exports', 'order.bpmn'))).code).toBe(0);
    const output = join(dir, 'journey.yaml');
    const imported = await linesight('bpmn', 'import', join(dir, 'exports', 'order.bpmn'), '-o', output);
    expect(imported.code).toBe(0);
    expect(imported.stderr).not.toContain('linesight: warning');
    const validated = await linesight('validate', output);
    expect(validated.stdout).toContain('ok ');
    expect(validated.code).toBe(0);
    expect(readFileSync(output, 'utf8')).toContain('file: bpmn/order-to-cash.bpmn');
  });

  it('leaves out, with a warning, links to files that did not travel with the BPMN file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'linesight-bpmn-'));
    cpSync(dirname(EXAMPLE), join(dir, 'work'), { recursive: true });
    const exported = join(dir, 'work', 'order.bpmn');
    expect(
      (await linesight('bpmn', 'export', join(dir, 'work', 'order-departments.yaml'), '-o', exported)).code,
    ).toBe(0);
    // Sent on alone: the BPMN files it links (bpmn/*.bpmn beside it) stay behind.
    mkdirSync(join(dir, 'elsewhere'));
    copyFileSync(exported, join(dir, 'elsewhere', 'order.bpmn'));
    const output = join(dir, 'elsewhere', 'journey.yaml');
    const imported = await linesight('bpmn', 'import', join(dir, 'elsewhere', 'order.bpmn'), '-o', output);
    expect(imported.code).toBe(0);
    expect(imported.stderr).toContain(
      `linesight: warning: process 'order-to-cash' linked bpmn/order-to-cash.bpmn, which is not there (${join(dir, 'elsewhere', 'bpmn', 'order-to-cash.bpmn')}) for the imported model: the link is left out; copy the file into the model's folder and add the link back`,
    );
    expect(readFileSync(output, 'utf8')).toContain('# warning: process');
    expect((await linesight('validate', output)).code).toBe(0);
  });

  it("leaves out a link that would lead out of the imported model's folder", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'linesight-bpmn-'));
    cpSync(dirname(EXAMPLE), join(dir, 'work'), { recursive: true });
    const exported = join(dir, 'work', 'order.bpmn');
    expect(
      (await linesight('bpmn', 'export', join(dir, 'work', 'order-departments.yaml'), '-o', exported)).code,
    ).toBe(0);
    // Imported into a folder of its own, the files would be ../bpmn: a model reads only below itself.
    mkdirSync(join(dir, 'work', 'imported'));
    const output = join(dir, 'work', 'imported', 'order.yaml');
    const imported = await linesight('bpmn', 'import', exported, '-o', output);
    expect(imported.stderr).toContain(
      "process 'order-to-cash' linked ../bpmn/order-to-cash.bpmn, which is outside its folder",
    );
    expect((await linesight('validate', output)).code).toBe(0);
  });
});

/**
 * A card dispute whose error boundary event has a BPSim probability of 250 (a percentage typed
 * without its decimal point): the journey read from it gives the step a fail point with p 250.
 */
const FAIL_P_250 = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpsim="http://www.bpsim.org/schemas/2.0" id="Definitions_1" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:collaboration id="Collaboration_1" name="Card dispute">
    <bpmn:participant id="Participant_1" name="Cardholder" processRef="Process_1" />
  </bpmn:collaboration>
  <bpmn:process id="Process_1">
    <bpmn:startEvent id="StartEvent_1" />
    <bpmn:task id="Activity_1" name="Dispute the charge" />
    <bpmn:boundaryEvent id="Event_1" name="Upload rejected" attachedToRef="Activity_1"><bpmn:errorEventDefinition /></bpmn:boundaryEvent>
    <bpmn:task id="Activity_2" name="Visit a branch" />
    <bpmn:endEvent id="Event_2" name="Money back" />
    <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_1" targetRef="Activity_1" />
    <bpmn:sequenceFlow id="Flow_2" sourceRef="Activity_1" targetRef="Event_2" />
    <bpmn:sequenceFlow id="Flow_3" sourceRef="Event_1" targetRef="Activity_2" />
    <bpmn:sequenceFlow id="Flow_4" sourceRef="Activity_2" targetRef="Event_2" />
  </bpmn:process>
  <bpmn:relationship type="BPSimData"><bpmn:extensionElements><bpsim:BPSimData>
    <bpsim:Scenario id="Scenario_1" name="Usual week"><bpsim:ScenarioParameters />
      <bpsim:ElementParameters elementRef="Event_1"><bpsim:ControlParameters><bpsim:Probability><bpsim:FloatingParameter value="250"/></bpsim:Probability></bpsim:ControlParameters></bpsim:ElementParameters>
    </bpsim:Scenario></bpsim:BPSimData></bpmn:extensionElements><bpmn:source>Definitions_1</bpmn:source><bpmn:target>Definitions_1</bpmn:target></bpmn:relationship>
</bpmn:definitions>`;

describe('linesight bpmn import of a file whose journey is not a valid model', () => {
  it('names the problem by field path and step name, exits non-zero and writes no file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'linesight-bpmn-'));
    const input = join(dir, 'dispute.bpmn');
    writeFileSync(input, FAIL_P_250);
    const output = join(dir, 'dispute.yaml');
    const imported = await linesight('bpmn', 'import', input, '-o', output);
    expect(imported.code).not.toBe(0);
    const errors = imported.stderr.split('\n').filter((l) => l.startsWith('linesight: error:'));
    expect(errors.length).toBeGreaterThan(0);
    // The field and the step it belongs to, by the name drawn in the BPMN file.
    expect(errors.some((l) => l.includes("(at steps[0].fail.p, 'Dispute the charge')"))).toBe(true);
    expect(imported.stderr).toContain(`${input}: the journey read from it is not a valid model`);
    // Never a line of the YAML that was not written.
    expect(imported.stderr).not.toMatch(/dispute\.yaml:\d+|imported\.yaml|line \d+/);
    expect(existsSync(output)).toBe(false);
    expect(imported.stdout).toBe('');
  });
});

describe('linesight bpmn import of a diagram with many loose tasks', () => {
  it('shows twenty warnings on the terminal, counts the rest, and writes every one into the model', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'linesight-bpmn-'));
    const input = join(dir, 'loose.bpmn');
    const loose = Array.from({ length: 30 }, (_, i) => `<bpmn:task id="loose${i}" name="Loose ${i}"/>`);
    writeFileSync(input, gatewayChain(0).replace('</bpmn:process>', `${loose.join('\n')}\n</bpmn:process>`));
    const output = join(dir, 'loose.yaml');
    const imported = await linesight('bpmn', 'import', input, '-o', output);
    expect(imported.code).toBe(0);
    const warnings = imported.stderr.split('\n').filter((l) => l.startsWith('linesight: warning:'));
    expect(warnings).toHaveLength(21);
    expect(warnings[20]).toBe(
      'linesight: warning: ... and 11 more, every one written as a comment at the top of the model (and listed by --json)',
    );
    const header = readFileSync(output, 'utf8')
      .split('\n')
      .filter((l) => /^# warning: task 'Loose \d+' cannot be reached/.test(l));
    expect(header).toHaveLength(30);
  });
});

describe('a refusal with --json', () => {
  it('comes as JSON on stdout as well, for the script that asked for JSON', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'linesight-bpmn-'));
    const file = join(dir, 'page.bpmn');
    writeFileSync(file, '<?xml version="1.0"?><html><body>hello</body></html>');
    const run = await linesight('bpmn', 'import', file, '--json');
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual({
      error: `${file}: the file is XML but not BPMN 2.0: its root is <html>`,
      hint: expect.stringContaining('<bpmn:definitions>'),
    });
    // Without --json, stdout stays empty: the refusal is on stderr only.
    expect((await linesight('bpmn', 'import', file)).stdout).toBe('');
  });
});
