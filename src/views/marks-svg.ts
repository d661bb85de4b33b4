/**
 * A view's own marks as SVG: text, rectangles, dots and lines, each in a group named for its
 * role, with the model element it stands for in data-ref and its meaning as a tooltip.
 */
import type { Mark } from './diagram.js';

const n = (x: number) => String(Math.round(x * 10) / 10);
const xml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function marksSvg(marks: readonly Mark[]): string {
  return marks
    .map((m) => {
      const ref = m.ref !== undefined ? ` data-ref="${xml(m.ref)}"` : '';
      const title = m.title !== undefined ? `<title>${xml(m.title)}</title>` : '';
      return `<g class="mark ${xml(m.role)}"${ref}>${title}${shape(m)}</g>`;
    })
    .join('\n');
}

function shape(m: Mark): string {
  switch (m.kind) {
    case 'text':
      return `<text x="${n(m.x)}" y="${n(m.y)}" font-size="${n(m.size)}"${m.bold ? ' font-weight="bold"' : ''}${m.anchor === 'middle' ? ' text-anchor="middle"' : ''} fill="${m.color}">${xml(m.text)}</text>`;
    case 'rect':
      return `<rect x="${n(m.x)}" y="${n(m.y)}" width="${n(m.width)}" height="${n(m.height)}" rx="${n(m.rx ?? 0)}" fill="${m.color}"${m.stroke ? ` stroke="${m.stroke}"` : ''}/>`;
    case 'circle':
      return `<circle cx="${n(m.x)}" cy="${n(m.y)}" r="${n(m.r)}" fill="${m.color}" stroke="#ffffff" stroke-width="1.5"/>`;
    case 'poly': {
      const points = m.points.map(([x, y]) => `${n(x)},${n(y)}`).join(' ');
      const opacity = m.opacity !== undefined ? ` opacity="${n(m.opacity)}"` : '';
      return m.closed
        ? `<polygon points="${points}" fill="${m.color}"${opacity}/>`
        : `<polyline points="${points}" fill="none" stroke="${m.color}" stroke-width="${n(m.width ?? 1)}"${m.dash ? ' stroke-dasharray="4 3"' : ''}${opacity}/>`;
    }
  }
}
