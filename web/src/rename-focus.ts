/**
 * The keyboard user's place across a name that changed an element's id: the forms and table
 * cells of the element are keyed by its id, so they are drawn anew, and the field that had the
 * focus (the name, left with Enter) is found again in the element's new form and focused.
 */
const HOLDERS = ['data-element', 'data-step', 'data-stage'];
const FIELDS = 'input, select, textarea, button';

export function keepFocusAcrossRename(from: string, to: string): void {
  const active = document.activeElement;
  if (!(active instanceof HTMLElement)) return;
  const holder = active.closest<HTMLElement>(HOLDERS.map((a) => `[${a}="${CSS.escape(from)}"]`).join(', '));
  const attribute = HOLDERS.find((a) => holder?.getAttribute(a) === from);
  if (!holder || !attribute) return;
  const index = [...holder.querySelectorAll(FIELDS)].indexOf(active);
  // A table cell is found again in its own row: every row has a cell of the step.
  const row = holder.parentElement instanceof HTMLTableRowElement ? holder.parentElement.className : '';
  const scope = row ? `tr.${row.trim().split(/\s+/).map(CSS.escape).join('.')} ` : '';
  const selector = `${scope}${holder.tagName.toLowerCase()}[${attribute}="${CSS.escape(to)}"]`;
  requestAnimationFrame(() => {
    const field = document.querySelector(selector)?.querySelectorAll<HTMLElement>(FIELDS)[index];
    field?.focus();
  });
}
