/**
 * Which pool is the customer's: the one the caller names (by name or id, in any collaboration),
 * else the one named like a customer, else the one the evidence of a customer's role singles out:
 * it exchanges messages with the others, it has no lanes of departments or roles, it is a black
 * box. When the evidence does not single one out, the pools are listed and the caller asked.
 */
import { clip, fewOf } from '../../model/clip.js';
import { plural } from '../../text/plural.js';
import type { Element } from '../moddle.js';
import { children, isActivity } from './graph.js';
import { label, shown } from './labels.js';

/**
 * Names of a customer's part, in the languages process models are most often drawn in: English,
 * German, French, Spanish, Portuguese, Italian and Dutch. Whole words only, told apart by
 * letters of any script, so that "Kundenservice" (the company's desk) is not "Kunde"; and a name
 * that also says a desk ("Customer Service") is the company's (DESK).
 */
const GERMANIC_CUSTOMER_WORDS = [
  // English
  'customers?',
  'clients?',
  'consumers?',
  'users?',
  'buyers?',
  'shoppers?',
  'policy ?holders?',
  'insured',
  'claimants?',
  'patients?',
  'applicants?',
  'citizens?',
  'tenants?',
  'students?',
  'travell?ers?',
  'passengers?',
  'guests?',
  'subscribers?',
  'callers?',
  'visitors?',
  'members?',
  'requesters?',
  'requestors?',
  'residents?',
  'borrowers?',
  'account ?holders?',
  'cardholders?',
  'purchasers?',
  // German
  'kund(e|en|in|innen)',
  'klient(en|in|innen)?',
  'verbraucher(in|innen)?',
  'käufer(in|innen)?',
  'antragsteller(in|innen)?',
  'patient(in|innen)?',
  'bürger(in|innen)?',
  'mieter(in|innen)?',
  'versicherte[rn]?',
  'fahrg(a|ä)st(e)?',
  'g(a|ä)st(e)?',
  'besucher(in|innen)?',
  'mitglied(er)?',
  'nutzer(in|innen)?',
  // Dutch
  'klant(en)?',
  'gebruikers?',
  'consument(en)?',
  'kopers?',
  'patiënt(en)?',
  'burgers?',
  'huurders?',
  'aanvragers?',
  'reizigers?',
  'verzekerden?',
  'leden',
];
/** The customer words of French, Spanish, Portuguese and Italian, which follow their desk (DESK). */
const ROMANCE_CUSTOMER_WORDS = [
  // French
  'client(e|es|s)?',
  'usagers?',
  'utilisat(eur|rice)s?',
  'consommat(eur|rice)s?',
  'achet(eur|euse)s?',
  'assuré(e|es|s)?',
  'demandeu(r|rs|se|ses)',
  'locataires?',
  'citoyen(ne)?s?',
  'voyageu(r|rs|se|ses)',
  'abonné(e|es|s)?',
  'adhérent(e|es|s)?',
  // Spanish, Portuguese, Italian
  'clientes?',
  'clienti',
  'usuari(o|os|a|as)',
  'usuári(o|os|a|as)',
  'utent(e|i|es)',
  'consumidor(es|a|as)?',
  'consumator(e|i)',
  'comprador(es|a|as)?',
  'acquirent(e|i)',
  'pacientes?',
  'pazient(e|i)',
  'ciudadan(o|os|a|as)',
  'cidadã(o|os)',
  'cittadin(o|i|a|e)',
  'solicitantes?',
  'requerentes?',
  'asegurad(o|os|a|as)',
  'segurad(o|os|a|as)',
  'assicurat(o|i|a|e)',
  'inquilin(o|os|a|as|i)',
  'viajer(o|os|a|as)',
  'pasajer(o|os|a|as)',
  'passageir(o|os|a|as)',
  'passegger(o|i|a|e)',
  'huéspedes?',
  'hóspedes?',
  'ospit(e|i)',
  'abonad(o|os|a|as)',
  'sóci(o|os|a|as)',
  'soci(o|os|a|as)',
];
const CUSTOMER_WORDS = [...GERMANIC_CUSTOMER_WORDS, ...ROMANCE_CUSTOMER_WORDS];
/** One of `words`, as a pattern. */
const either = (words: string[]) => `(${words.join('|')})`;
/** What `pattern` matches, as whole words of any script. */
const wholeWords = (pattern: string) => new RegExp(`(?<![\\p{L}\\p{N}])(${pattern})(?![\\p{L}\\p{N}])`, 'iu');
const CUSTOMER = wholeWords(either(CUSTOMER_WORDS));

/**
 * A pool named after customers that also names the desk serving them is the company's part:
 * "Customer Service", "Patient care", "Kunden-Service" (the desk after the customer, as English,
 * German and Dutch put it); "Service client", "Atención al cliente", "Servizio clienti" (before,
 * as French, Spanish, Portuguese and Italian do, up to two words between). "Service users" and
 * "Care home residents" stay customers: English puts its desk after them.
 */
const DESK_AFTER = [
  'services?',
  'support',
  'care',
  'success',
  'relations',
  'desk',
  'cent(er|re)s?',
  'teams?',
  'departments?',
  'management',
  'operations',
  'agents?',
  'representatives?',
  'advisors?',
  'dienst',
  'betreuung',
  'abteilung',
  'afdeling',
];
const DESK_BEFORE = [
  'services?',
  'relations?',
  'support',
  'équipe',
  'servicios?',
  'atención',
  'soporte',
  'equipo',
  'centro',
  'departamento',
  'serviços?',
  'atendimento',
  'suporte',
  'equipe',
  'equipa',
  'servizi(o)?',
  'assistenza',
  'supporto',
  'ufficio',
];
const DESK = wholeWords(
  `${either(CUSTOMER_WORDS)}[\\s-]+${either(DESK_AFTER)}|${either(DESK_BEFORE)}([\\s-]+\\p{L}+){0,2}[\\s-]+${either(ROMANCE_CUSTOMER_WORDS)}`,
);

/** Named as the customer: a customer's name, and not as the desk that serves them. */
const namedAsCustomer = (name: string) => CUSTOMER.test(name) && !DESK.test(name);

export interface Pools {
  participants: Element[];
  messageFlows: Element[];
  collaborations: Element[];
}

export function poolsOf(definitions: Element): Pools {
  const roots = (definitions.rootElements as Element[] | undefined) ?? [];
  const collaborations = roots.filter((r) => r.$type === 'bpmn:Collaboration');
  const participants: Element[] = [];
  const seen = new Set<unknown>();
  for (const c of collaborations)
    for (const p of (c.participants as Element[] | undefined) ?? []) {
      // The same process drawn in several collaborations is one pool.
      const key = p.processRef ?? p;
      if (!seen.has(key)) {
        seen.add(key);
        participants.push(p);
      }
    }
  const messageFlows = collaborations.flatMap((c) => (c.messageFlows as Element[] | undefined) ?? []);
  return { participants, messageFlows, collaborations };
}

export type Pick = { participant?: Element; warning?: string } | { error: { message: string; hint: string } };

const poolList = (ps: Element[]) => fewOf(ps.map((p) => `'${shown(p)}'`));

/** The pool a node belongs to: the participant itself, or the one whose process holds it. */
export function ownerOf(node: Element | undefined, participants: Element[]): Element | undefined {
  for (let n = node; n; n = n.$parent as Element | undefined) {
    const p = participants.find((x) => x === n || x.processRef === n);
    if (p) return p;
  }
  return undefined;
}

export const isBlackBox = (p: Element): boolean => children(p.processRef as Element | undefined).length === 0;

export function pickCustomerPool(
  pools: Pools,
  wanted: string | undefined,
  allLanes: (p: Element) => Element[],
): Pick {
  const { participants, messageFlows } = pools;
  if (wanted !== undefined) {
    const w = wanted.toLowerCase();
    const found = participants.find((p) => label(p).toLowerCase() === w || String(p.id).toLowerCase() === w);
    if (found) return { participant: found };
    return {
      error: {
        message: `there is no pool named '${clip(wanted)}'`,
        hint: `the pools are ${poolList(participants) || 'none (the file has one process and no pools)'}`,
      },
    };
  }
  if (participants.length === 0) return {};
  const named = participants.filter((p) => namedAsCustomer(label(p)));
  if (named.length === 1) return { participant: named[0] };
  if (named.length > 1)
    return {
      error: {
        message: `several pools could be the customer's: ${poolList(named)}`,
        hint: 'name it with --customer-pool NAME',
      },
    };
  const withTasks = participants.filter((p) =>
    children(p.processRef as Element | undefined).some(isActivity),
  );
  const alone = participants.length === 1 || (withTasks.length === 1 && messageFlows.length === 0);
  if (alone) {
    const only = (participants.length === 1 ? participants[0] : withTasks[0]) as Element;
    return {
      participant: only,
      warning: `the only pool${participants.length === 1 ? '' : ' with tasks'}, '${shown(only)}', is read as the customer's journey; its name does not say so`,
    };
  }
  // Pools drawn without their processes (or with broken references): the file's processes are read instead.
  if (participants.every(isBlackBox)) return {};
  const evidence = participants.map((p) => {
    const why: string[] = [];
    const exchanges = messageFlows.filter((m) => {
      const [a, b] = [
        ownerOf(m.sourceRef as Element, participants),
        ownerOf(m.targetRef as Element, participants),
      ];
      return a !== b && (a === p || b === p);
    }).length;
    // A pool that exchanges no message with the others plays no customer's part (a decoration, a note).
    if (exchanges === 0) return { p, why };
    why.push(`exchanges ${plural(exchanges, 'message')} with the other pools`);
    const lanes = allLanes(p).filter((l) => typeof l.name === 'string' && l.name.trim() !== '');
    if (lanes.length < 2) why.push('has no lanes of departments or roles');
    if (isBlackBox(p)) why.push('is a black box');
    else if (!children(p.processRef as Element).some(isActivity)) why.push('has no tasks');
    return { p, why };
  });
  const best = Math.max(...evidence.map((e) => e.why.length));
  const top = evidence.filter((e) => e.why.length === best);
  if (top.length !== 1 || best === 0)
    return {
      error: {
        message: `no pool is named like a customer and the evidence does not single one out: ${poolList((top.length > 1 ? top : evidence).map((e) => e.p))}`,
        hint: "name the customer's pool with --customer-pool NAME",
      },
    };
  const chosen = top[0] as { p: Element; why: string[] };
  return {
    participant: chosen.p,
    warning: `no pool is named like a customer; '${shown(chosen.p)}' is read as the customer's because it ${chosen.why.join(', ')} (choose another with --customer-pool NAME; pools: ${poolList(participants)})`,
  };
}
