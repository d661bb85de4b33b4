import { describe, expect, it } from 'vitest';
import { slug } from '../mining/slug.js';
import { newId } from './edits/plans/model-data.js';
import { idWords } from './id-words.js';

describe('ids made from names', () => {
  it('drop accents from their letters instead of cutting words at them', () => {
    expect(idWords('Händler GmbH')).toBe('handler-gmbh');
    expect(idWords('Bestellung prüfen à la crème')).toBe('bestellung-prufen-a-la-creme');
    expect(idWords('Łódź, Ærø & Straße')).toBe('lodz-aero-strasse');
    expect(idWords('Ça coûte 20 €')).toBe('ca-coute-20');
  });

  it('are the same in a discovered model, a new element and an imported diagram', () => {
    expect(slug('Stöbert im Katalog')).toBe('stobert-im-katalog');
    expect(newId('Über uns', [])).toBe('uber-uns');
    expect(newId('Über uns', ['uber-uns'])).toBe('uber-uns-2');
  });

  it('keep nothing of a name in a script without Latin letters', () => {
    expect(idWords('受け取る 📦')).toBe('');
    expect(slug('受け取る')).toBe('x-unnamed');
  });
});
