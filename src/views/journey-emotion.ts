/**
 * The journey map's emotion curve: a dot per step that has an emotion, joined in path order,
 * coloured by sign (positive green, negative red, neutral grey) and cut where it crosses the
 * zero line, with a faint area between curve and zero line. Steps without an emotion break it.
 */
import type { Mark } from './diagram.js';

export const EMOTION_COLORS = { positive: '#188038', negative: '#d93025', neutral: '#80868b' };

export const emotionColor = (e: number) =>
  e > 0 ? EMOTION_COLORS.positive : e < 0 ? EMOTION_COLORS.negative : EMOTION_COLORS.neutral;

export interface EmotionPoint {
  x: number;
  /** -2 .. +2, or undefined where the step has none. */
  emotion: number | undefined;
  ref: string;
  name: string;
}

/** Marks for the curve inside a band from `top` (+2) to `bottom` (-2), between x1 and x2. */
export function emotionMarks(
  points: readonly EmotionPoint[],
  top: number,
  bottom: number,
  x1: number,
  x2: number,
): Mark[] {
  const y = (e: number) => top + ((2 - e) / 4) * (bottom - top);
  const zero = y(0);
  const marks: Mark[] = [
    {
      kind: 'poly',
      role: 'emotion-zero',
      color: '#5f6368',
      points: [
        [x1, zero],
        [x2, zero],
      ],
      width: 1,
    },
  ];
  for (let i = 1; i < points.length; i++) {
    const [a, b] = [points[i - 1] as EmotionPoint, points[i] as EmotionPoint];
    if (a.emotion === undefined || b.emotion === undefined) continue;
    for (const [from, to] of piecesBySign(a.x, a.emotion, b.x, b.emotion)) {
      const sign = (from[1] + to[1]) / 2;
      const line: [number, number][] = [
        [from[0], y(from[1])],
        [to[0], y(to[1])],
      ];
      if (sign !== 0)
        marks.push({
          kind: 'poly',
          role: 'emotion-area',
          color: emotionColor(sign),
          points: [...line, [to[0], zero], [from[0], zero]],
          closed: true,
          opacity: 0.12,
        });
      marks.push({ kind: 'poly', role: 'emotion-line', color: emotionColor(sign), points: line, width: 3 });
    }
  }
  for (const p of points) {
    if (p.emotion === undefined) continue;
    const label = p.emotion > 0 ? `+${p.emotion}` : String(p.emotion);
    const title = `${p.name}: emotion ${label}`;
    marks.push(
      {
        kind: 'circle',
        role: 'emotion-point',
        color: emotionColor(p.emotion),
        x: p.x,
        y: y(p.emotion),
        r: 6,
        ref: p.ref,
        title,
      },
      {
        kind: 'text',
        role: 'emotion-value',
        color: emotionColor(p.emotion),
        x: p.x,
        y: y(p.emotion) + (p.emotion < 0 ? 20 : -11),
        text: label,
        size: 11,
        bold: true,
        anchor: 'middle',
        ref: p.ref,
      },
    );
  }
  return marks;
}

/** A segment from (x1, e1) to (x2, e2), cut where it crosses zero so each piece keeps one sign. */
function piecesBySign(
  x1: number,
  e1: number,
  x2: number,
  e2: number,
): [[number, number], [number, number]][] {
  if (e1 * e2 >= 0)
    return [
      [
        [x1, e1],
        [x2, e2],
      ],
    ];
  const x = x1 + ((x2 - x1) * e1) / (e1 - e2);
  return [
    [
      [x1, e1],
      [x, 0],
    ],
    [
      [x, 0],
      [x2, e2],
    ],
  ];
}
