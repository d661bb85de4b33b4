/**
 * The customer's pool found by its name in the languages models are drawn in, as a whole word:
 * a German "Kunde" beside "Kundenservice", a French "Assurée", a Spanish "Clientes".
 */
import { describe, expect, it } from 'vitest';
import type { Element } from '../moddle.js';
import { type Pools, pickCustomerPool } from './customer-pool.js';

const pool = (name: string): Element =>
  ({
    $type: 'bpmn:Participant',
    id: name.replace(/\W/g, '_'),
    name,
    processRef: { flowElements: [{ $type: 'bpmn:Task', id: 't' }] },
  }) as Element;

const picked = (...names: string[]) => {
  const pools: Pools = { participants: names.map(pool), messageFlows: [], collaborations: [] };
  const pick = pickCustomerPool(pools, undefined, () => []);
  return 'error' in pick ? pick.error.message : pick.participant?.name;
};

describe("the customer's pool, by its name", () => {
  it('is found in German, French, Spanish, Portuguese, Italian and Dutch, as in English', () => {
    expect(picked('Kundenservice', 'Kunde', 'Versicherung')).toBe('Kunde');
    expect(picked('Assureur', 'Assurée')).toBe('Assurée');
    expect(picked('Banco', 'Clientes')).toBe('Clientes');
    expect(picked('Ufficio', 'Utenti')).toBe('Utenti');
    expect(picked('Gemeente', 'Burgers')).toBe('Burgers');
    expect(picked('Serviço', 'Cidadão')).toBe('Cidadão');
    expect(picked('Hotel', 'GÄSTE')).toBe('GÄSTE');
    expect(picked('Insurer', 'Policy holder')).toBe('Policy holder');
  });

  it('is a whole word: a department named after its customers is not one', () => {
    // "Kundenservice", "Bürgeramt" and "Clientela" only begin with a customer's name.
    const none = picked('Kundenservice', 'Bürgeramt', 'Clientela');
    expect(none).toMatch(/^no pool is named like a customer/);
  });

  it("is not the desk that serves customers, named after them: 'Customer Service', 'Service client'", () => {
    expect(picked('Customer Service', 'Customer')).toBe('Customer');
    expect(picked('Service client', 'Client')).toBe('Client');
    expect(picked('Atención al cliente', 'Clientes')).toBe('Clientes');
    expect(picked('Patient care', 'Patient')).toBe('Patient');
    expect(picked('Customer Support', 'Bank')).toMatch(/^no pool is named like a customer/);
    expect(picked('Servizio clienti', 'Kunden-Service', 'Clienti')).toBe('Clienti');
  });

  it("keeps customers whose name only begins with a desk's word, as English puts it", () => {
    expect(picked('Service users', 'Council')).toBe('Service users');
    expect(picked('Care home residents', 'Care provider')).toBe('Care home residents');
  });

  it('asks when two pools are named like customers', () => {
    expect(picked('Kunde', 'Client')).toMatch(/^several pools could be the customer's: 'Kunde', 'Client'/);
  });
});
