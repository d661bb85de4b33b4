/**
 * Loading a model, the pipeline every part of linesight starts from:
 *
 *   read ──> parse (YAML/JSON, with positions) ──> assemble (imports merged, origins kept)
 *        ──> shape (Zod schema) ──> meaning (references, flows, reachability, units)
 *        ──> scenarios (each patch applied, then shape and meaning again)
 *
 * Every stage collects diagnostics instead of stopping at the first; a model is returned only
 * when there is no error. Nothing here throws on bad input.
 */
import { dirname, resolve } from 'node:path';
import { checkBaseline, firstError } from './baseline-check.js';
import { clip } from './clip.js';
import type { Diagnostic, DiagnosticCode } from './diagnostic.js';
import { byPosition, hasErrors } from './diagnostic.js';
import { type ModelDocument, report } from './document.js';
import { assemble } from './imports.js';
import type { Model } from './model.js';
import { normalize } from './normalize.js';
import { problemText, readNamedFile, readRegularFile } from './read-file.js';
import { applyChanges } from './scenario.js';
import { ModelSchema, PartSchema, ScenarioFileSchema } from './schema.js';
import { checkShape } from './shape.js';
import { parseSource, readSource, type SourceResult } from './source.js';
import { MAX_FILE_BYTES } from './source-limits.js';
import { didYouMean } from './suggest.js';

export interface LoadOptions {
  /** Apply this scenario to the returned model. */
  scenario?: string;
  /** Also check every scenario of the model (default true). */
  checkScenarios?: boolean;
  /** Error codes to report as warnings and load the model anyway (e.g. 'no-path-to-end' for analysis). */
  tolerate?: readonly DiagnosticCode[];
  /**
   * The folder that every file the model names (imports, BPMN links) must lie inside, as a regular
   * file of bounded size; default: the model file's own folder. The server passes its workspace.
   * A scenario's base and a competitor's baseline are held to it only when it is given: on the
   * command line they may be anywhere (`log calibrate --output` writes overlays elsewhere).
   */
  root?: string;
}

/**
 * A file checked, whatever its kind: `ok` when it has no error. A model, a competitor or a scenario
 * file with its base gives a model; a part alone gives none (it only makes sense imported).
 */
export interface FileCheck {
  /** True when there is no error (warnings allowed). */
  ok: boolean;
  /** The model (with the requested scenario applied); absent when there are errors, or for a part. */
  model?: Model;
  diagnostics: Diagnostic[];
  /** The assembled document, for applying further scenarios. */
  document?: ModelDocument;
  /** With a scenario asked for: the model it was applied to, for drawing the scenario against it. */
  base?: Model;
}

/** A model that loaded: no error (warnings allowed). */
export interface Loaded {
  ok: true;
  model: Model;
  diagnostics: Diagnostic[];
  /** The assembled document, for applying further scenarios. */
  document: ModelDocument;
  /** With a scenario asked for: the model it was applied to, for drawing the scenario against it. */
  base?: Model;
}

/** A file that gives no model: its diagnostics say why. */
export interface NotLoaded {
  ok: false;
  model?: undefined;
  diagnostics: Diagnostic[];
  document?: ModelDocument;
}

/** What `load` and `parse` give: `ok` tells which, so that `if (ok)` has the model. */
export type LoadResult = Loaded | NotLoaded;

/** Reads, parses and validates a model file (YAML or JSON); a part alone is no model. */
export function load(file: string, options: LoadOptions = {}): LoadResult {
  return asModel(checkFile(file, options));
}

/** Parses and validates model text; imports resolve relative to `file`. */
export function parse(text: string, options: LoadOptions & { file?: string } = {}): LoadResult {
  return asModel(checkText(text, options));
}

/** Reads and checks a file of any kind: model, competitor, part or scenario. */
export function checkFile(file: string, options: LoadOptions = {}): FileCheck {
  return fromSource(readSource(file), options, []);
}

/** Checks text of any kind; imports resolve relative to `file`. */
export function checkText(text: string, options: LoadOptions & { file?: string } = {}): FileCheck {
  return fromSource(parseSource(text, options.file ?? 'model.yaml'), options, []);
}

/** The check as a model: a valid part (or anything else that holds no model) says so. */
function asModel(check: FileCheck): LoadResult {
  const { model, diagnostics, document, base } = check;
  if (check.ok && model && document)
    return { ok: true, model, diagnostics, document, ...(base ? { base } : {}) };
  if (check.ok && document) {
    const [what, hint] =
      document.kind === 'scenario'
        ? [
            'a scenario without a base: it changes the models that import it',
            'add base: MODEL.yaml to load it as that model changed, or load a model that imports it',
          ]
        : [
            `a ${document.kind} (kind: ${document.kind}): it holds pieces that models import, not a model of its own`,
            'import it from a model (imports: [file]) and load that; linesight validate checks it alone',
          ];
    diagnostics.push({
      ...report(document, [], 'not-a-model', `${document.file} is ${what}`, { hint }),
      line: 1,
      column: 1,
    });
  }
  return { ok: false, diagnostics, ...(document ? { document } : {}) };
}

/** `chain`: the files whose base or baseline led here, so that a loop of them is caught. */
function fromSource(read: SourceResult, options: LoadOptions, chain: readonly string[]): FileCheck {
  if (!read.source || read.source.data === undefined || hasErrors(read.diagnostics))
    return finish({ ok: false, diagnostics: read.diagnostics });
  const root = options.root ?? dirname(resolve(read.source.file));
  const { document, diagnostics } = assemble(read.source, { root });
  if (options.tolerate) document.tolerate = options.tolerate;
  const all = [...read.diagnostics, ...diagnostics];
  if (document.kind === 'part') {
    all.push(...checkPart(document));
    return finish({ ok: !hasErrors(all), diagnostics: all, document });
  }
  if (document.kind === 'scenario') return finish(loadScenarioFile(document, all, options, chain));
  const base = validate(document);
  all.push(...base.diagnostics);
  const result: FileCheck = { ok: false, diagnostics: all, document };
  if (base.model && options.checkScenarios !== false) {
    for (const [i, scenario] of base.model.scenarios.entries()) {
      all.push(...applyAndValidate(document, i, `scenario '${clip(scenario.id)}'`).diagnostics);
    }
  }
  if (base.model?.kind === 'competitor' && base.model.baseline !== undefined)
    all.push(
      ...checkBaseline(
        document,
        base.model,
        loadLinked(document, 'baseline', base.model.baseline, options, chain),
      ),
    );
  if (!hasErrors(all) && base.model) {
    if (options.scenario === undefined) result.model = base.model;
    else {
      const applied = applyScenario(document, options.scenario);
      all.push(...applied.diagnostics.filter((d) => d.code === 'scenario-not-found'));
      if (applied.model) {
        result.model = applied.model;
        result.base = base.model;
      }
    }
  }
  result.ok = !hasErrors(all) && result.model !== undefined;
  return finish(result);
}

/** Shape and meaning of an assembled document. */
export function validate(
  document: ModelDocument,
  context?: string,
): { model?: Model; diagnostics: Diagnostic[] } {
  const shape = checkShape(document, ModelSchema, document.data, context);
  if (!shape.value) return { diagnostics: shape.diagnostics };
  return normalize(document, shape.value, context);
}

/**
 * The model with scenario `id` applied. `origin`: where the scenario's changes come from, when not from the file (`--set X=Y` on the
 * command line, which has no line to point at: the file's scenarios list was named instead).
 */
export function applyScenario(document: ModelDocument, id: string, origin?: string): LoadResult {
  const scenarios = Array.isArray(document.data.scenarios)
    ? (document.data.scenarios as { id?: unknown }[])
    : [];
  const index = scenarios.findIndex((s) => s?.id === id);
  if (index < 0) {
    const known = scenarios.map((s) => String(s?.id));
    const diagnostic: Diagnostic = {
      ...report(document, [], 'scenario-not-found', `the model has no scenario '${clip(id)}'`, {
        hint: didYouMean(id, known, 'scenarios'),
      }),
      line: 0,
      column: 0,
    };
    return { ok: false, diagnostics: [diagnostic], document };
  }
  const applied = applyAndValidate(document, index, origin ?? `scenario '${clip(id)}'`, origin);
  return finish<LoadResult>(
    applied.model
      ? { ok: true, model: applied.model, diagnostics: applied.diagnostics, document: applied.document }
      : { ok: false, diagnostics: applied.diagnostics, document: applied.document },
  );
}

function applyAndValidate(document: ModelDocument, index: number, context: string, origin?: string) {
  // Changes that name nothing are skipped; the rest is still checked, so one run shows every problem.
  const patched = applyChanges(document, index);
  const checked = validate(patched.document, context);
  const scenario = (document.data.scenarios as { id: string; name: string }[])[index] as {
    id: string;
    name: string;
  };
  const model = checked.model
    ? { ...checked.model, scenario: { id: scenario.id, name: scenario.name } }
    : undefined;
  return {
    ...(model ? { model } : {}),
    diagnostics: [
      ...patched.diagnostics,
      ...traced(document, index, scenario.id, checked.diagnostics, origin),
    ],
    document: patched.document,
  };
}

/**
 * A problem a scenario causes in the base model's steps is shown where it appears, and the hint
 * says which changes to look at. The changes are located only when there is a problem: locating
 * needs the YAML parsed with positions, which a valid model's load does without.
 */
function traced(
  document: ModelDocument,
  index: number,
  id: string,
  diagnostics: Diagnostic[],
  origin?: string,
): Diagnostic[] {
  if (diagnostics.length === 0) return diagnostics;
  const changes = report(document, ['scenarios', index, 'changes'], 'scenario-invalid-change', '');
  const from = origin ?? `scenario '${clip(id)}', whose changes are at ${changes.file}:${changes.line}`;
  return diagnostics.map((d) =>
    d.file === changes.file && d.path.startsWith(changes.path.replace(/\.changes$/, ''))
      ? d
      : {
          ...d,
          hint: `${d.hint ? `${d.hint}; ` : ''}it comes from ${from}`,
        },
  );
}

/** Alone, a part can only be checked for shape; its references resolve in the models that import it. */
function checkPart(document: ModelDocument): Diagnostic[] {
  return checkShape(document, PartSchema).diagnostics;
}

/** Links between model files (a scenario's base, a competitor's baseline) past this many are a maze. */
const MAX_LINKED = 8;

/**
 * The model a file names as its base or baseline, loaded on its own; or the diagnostic that says
 * why not. Only inside `root` when one is given (the server's workspace): the CLI may name a
 * model anywhere, as `log calibrate --output` does when it writes an overlay elsewhere.
 */
function loadLinked(
  document: ModelDocument,
  field: 'base' | 'baseline',
  name: string,
  options: LoadOptions,
  chain: readonly string[],
): FileCheck | Diagnostic {
  const at = (code: DiagnosticCode, message: string, hint: string) =>
    report(document, [field], code, message, { hint });
  const self = resolve(document.file);
  const target = resolve(dirname(document.file), name);
  const what = field === 'base' ? 'the base model' : 'the baseline';
  if (target === self || chain.includes(target))
    return at(
      'baseline-invalid',
      `${what} ${clip(name)} leads back to this file`,
      `name a model file as ${field}`,
    );
  if (chain.length >= MAX_LINKED)
    return at(
      'baseline-invalid',
      `${what} ${clip(name)} is the ${MAX_LINKED + 1}th file in a chain of bases and baselines`,
      `name the model itself as ${field}`,
    );
  const file =
    options.root === undefined
      ? readRegularFile(target, MAX_FILE_BYTES)
      : readNamedFile(name, document.file, options.root, MAX_FILE_BYTES);
  if ('problem' in file) {
    const code = file.problem.kind === 'refused' ? 'file-refused' : 'baseline-invalid';
    return at(code, `${what} ${problemText(clip(name), file.problem)}`, file.problem.hint);
  }
  const linked = { checkScenarios: false, ...(options.root !== undefined ? { root: options.root } : {}) };
  return fromSource(parseSource(file.bytes, target), linked, [...chain, self]);
}

function loadScenarioFile(
  document: ModelDocument,
  diagnostics: Diagnostic[],
  options: LoadOptions,
  chain: readonly string[],
): FileCheck {
  const shape = checkShape(document, ScenarioFileSchema);
  const all = [...diagnostics, ...shape.diagnostics];
  const base = shape.value?.base;
  if (shape.value && base !== undefined) {
    const loaded = loadLinked(document, 'base', base, options, chain);
    if (!('ok' in loaded)) all.push(loaded);
    else if (!loaded.document || !loaded.ok) {
      all.push(
        report(
          document,
          ['base'],
          'baseline-invalid',
          `the base model ${clip(base)} does not load${firstError(loaded)}`,
          { hint: `open ${clip(base)} to see its problems (linesight validate ${clip(base)})` },
        ),
      );
    } else {
      const baseData = loaded.document.data;
      const { linesight: _l, kind: _k, base: _b, ...scenario } = document.data;
      const origins = loaded.document.origins;
      origins.set(scenario, {
        source: document.sources[0] as NonNullable<(typeof document.sources)[0]>,
        path: [],
      });
      const scenarios = [...((baseData.scenarios as unknown[] | undefined) ?? []), scenario];
      const combined: ModelDocument = {
        ...loaded.document,
        data: { ...baseData, scenarios },
        sources: [...loaded.document.sources, ...document.sources],
      };
      origins.set(
        combined.data,
        origins.get(baseData) ?? {
          source: loaded.document.sources[0] as NonNullable<(typeof document.sources)[0]>,
          path: [],
        },
      );
      const applied = applyAndValidate(
        combined,
        scenarios.length - 1,
        `scenario '${clip(String(scenario.id))}'`,
      );
      all.push(...applied.diagnostics);
      if (applied.model && !hasErrors(all)) {
        // The file stands for the base as its scenario makes it: what simulate, analyze and render
        // read, and what the base's own scenarios change further (what-ifs that start from it).
        const data = { ...applied.document.data, scenarios: scenarios.slice(0, -1) };
        const origin = origins.get(applied.document.data);
        if (origin) origins.set(data, origin);
        const model = {
          ...applied.model,
          scenarios: applied.model.scenarios.filter((s) => s.id !== scenario.id),
        };
        const patched: ModelDocument = { ...applied.document, kind: 'scenario', data };
        const result: FileCheck = { ok: true, diagnostics: all, document: patched, model };
        if (options.scenario === undefined) return result;
        const further = applyScenario(patched, options.scenario);
        all.push(...further.diagnostics.filter((d) => d.code === 'scenario-not-found'));
        return further.model
          ? { ok: !hasErrors(all), diagnostics: all, document: patched, model: further.model, base: model }
          : { ok: false, diagnostics: all, document: patched };
      }
    }
  }
  return { ok: !hasErrors(all), diagnostics: all, document };
}

function finish<T extends FileCheck>(result: T): T {
  const seen = new Set<string>();
  result.diagnostics = result.diagnostics
    .filter((d) => {
      const key = `${d.file}:${d.line}:${d.column}:${d.code}:${d.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort(byPosition);
  return result;
}
