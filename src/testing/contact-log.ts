/**
 * A seeded multi-channel log (web and contact center) with a known truth, for tests and benches of
 * the evidence analyses (call drivers by attribute, website failure signs, who started a contact).
 *
 * Customers belong to a segment with its own hours (private customers in the evening, business
 * customers in office hours). Each has one product visit (views of one product's page, perhaps an
 * order and the company's confirmation) and a few help visits (searches with a term and a results
 * count, page views, forms started and sent), at least three days apart. After a visit the customer
 * contacts the company (phone, chat or e-mail; an e-mail gets the company's reply) with a planted
 * probability, at a time within 20 hours of the visit's last event:
 * - a product visit: `baseCallRate`, times `productLift` for the planted products;
 * - a help visit that goes well (search with results, pages once, a form sent): `helpContactRate`;
 * - a failing help visit: a search with no result, one page viewed three to five times, or a form
 *   started and not sent, each at its own rate (`signRates`).
 * Contacts no visit drove come before the customer's first visit, and visits are days apart, so
 * within a one-day window the planted rates are exactly what the analyses measure: the truth is
 * `truthOf(options)`. Outbound messages carry `initiator=company`, the rest `customer`.
 *
 * The log is written to a CSV file line by line: memory stays bounded at any size (1e4 to 1e7 events).
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { Stream } from '../simulation/random.js';

export interface ContactLogOptions {
  seed: number;
  /** About this many events are written (the last customer is finished). */
  events: number;
  products?: number;
  /** Product ids whose pages leave questions open, e.g. ['P03', 'P07', 'P15']. */
  plantedProducts?: string[];
  productLift?: number;
  baseCallRate?: number;
  helpContactRate?: number;
  /** Contact rates after failing help visits; the visit kinds occur with `failureShare` each. */
  signRates?: { noResult: number; repeatedView: number; formNotSent: number };
  failureShare?: number;
  /** Days the log spans. */
  days?: number;
}

const DEFAULTS = {
  products: 20,
  plantedProducts: ['P03', 'P07', 'P15'],
  productLift: 2.7,
  baseCallRate: 0.04,
  helpContactRate: 0.04,
  signRates: { noResult: 0.16, repeatedView: 0.12, formNotSent: 0.2 },
  failureShare: 0.06,
  days: 60,
};

/** Options with nothing planted: every product and every help visit leads to contacts alike. */
export function nothingPlanted(options: ContactLogOptions): ContactLogOptions {
  const rate = options.helpContactRate ?? DEFAULTS.helpContactRate;
  return {
    ...options,
    productLift: 1,
    baseCallRate: rate,
    helpContactRate: rate,
    signRates: { noResult: rate, repeatedView: rate, formNotSent: rate },
  };
}

export const PAGES = ['Home', 'Shipping', 'Returns', 'Payment', 'FAQ', 'Contact', 'Warranty', 'Sizes'];
export const TERMS = ['delivery', 'refund', 'invoice', 'size', 'colour', 'warranty', 'discount', 'account'];
export const FORMS = ['Return request', 'Address change', 'Complaint'];
const HEADER = 'customer,activity,timestamp,channel,segment,initiator,product,page,term,results,form';

/** What the analyses must find, with a one-day window. */
export function truthOf(options: ContactLogOptions) {
  const o = { ...DEFAULTS, ...options };
  const ids = productIds(o.products);
  const weights = productWeights(o.products);
  const multiplier = (id: string) => (o.plantedProducts.includes(id) ? o.productLift : 1);
  /** The lift of one product against the views of all others (planted ones among them). */
  const productLift = (id: string) => {
    let w = 0;
    let m = 0;
    ids.forEach((other, i) => {
      if (other === id) return;
      w += weights[i] as number;
      m += (weights[i] as number) * multiplier(other);
    });
    return multiplier(id) / (m / w);
  };
  return {
    plantedProducts: o.plantedProducts,
    /** The planted products together against the others. */
    groupLift: o.productLift,
    productLift,
    signLift: {
      noResult: o.signRates.noResult / o.helpContactRate,
      repeatedView: o.signRates.repeatedView / o.helpContactRate,
      formNotSent: o.signRates.formNotSent / o.helpContactRate,
    },
  };
}

const productIds = (n: number) => Array.from({ length: n }, (_, i) => `P${String(i + 1).padStart(2, '0')}`);
/** Popularity falls with the product number, so some planted products are rare (a driver of 0.5%). */
const productWeights = (n: number) => Array.from({ length: n }, (_, i) => 1 / (1 + i) ** 0.7);

type Row = [activity: string, at: number, channel: string, initiator: string, attributes: Partial<Attrs>];
interface Attrs {
  product: string;
  page: string;
  term: string;
  results: number;
  form: string;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Writes the log to `file`; the number of events and customers written. */
export function writeContactLog(
  file: string,
  options: ContactLogOptions,
): { events: number; customers: number } {
  const o = { ...DEFAULTS, ...options };
  const r = new Stream(o.seed, 'contact-log');
  const u = () => r.uniform();
  const pick = <T>(list: readonly T[]): T => list[Math.floor(u() * list.length)] as T;
  const ids = productIds(o.products);
  const cumulative = productWeights(o.products).map(
    (
      (sum) => (w) =>
        (sum += w)
    )(0),
  );
  const total = cumulative[cumulative.length - 1] as number;
  const product = () => {
    const x = u() * total;
    return ids[cumulative.findIndex((c) => x < c)] as string;
  };
  const start = Date.UTC(2024, 2, 1);
  const fd = openSync(file, 'w');
  let buffer = `${HEADER}\n`;
  let events = 0;
  let customers = 0;
  const channel = () => (u() < 0.7 ? 'web' : 'app');

  /** A contact at `at` (inbound), with the company's reply to an e-mail. */
  const contact = (rows: Row[], at: number) => {
    const x = u();
    if (x < 0.65) rows.push(['Call Contact Center', at, 'phone', 'customer', {}]);
    else if (x < 0.85) rows.push(['Start Chat', at, 'chat', 'customer', {}]);
    else {
      rows.push(['Send Email Inquiry', at, 'email', 'customer', {}]);
      rows.push(['Agent Reply Sent', at + (1 + u() * 5) * HOUR, 'email', 'company', {}]);
    }
  };
  const afterVisit = (rows: Row[], last: number, rate: number) => {
    if (u() >= rate) return;
    const at = last + 10 * MINUTE + u() * 19 * HOUR;
    contact(rows, at);
    // Some call back within hours about the same thing: repeats.
    if (u() < 0.15) rows.push(['Call Contact Center', at + (0.5 + u() * 5) * HOUR, 'phone', 'customer', {}]);
  };

  while (events < o.events) {
    const id = `C${String(customers++).padStart(7, '0')}`;
    const business = u() < 0.3;
    const segment = business ? 'business' : 'private';
    // Business customers come in office hours, private ones mostly in the evening.
    const hour = () => (business ? 8 + u() * 9 : u() < 0.7 ? 17 + u() * 6 : 7 + u() * 10);
    const rows: Row[] = [];
    let day = 2 + Math.floor(u() * 10);
    if (u() < 0.1) contact(rows, start + Math.floor(u() * 2) * DAY + hour() * HOUR);
    const visits = 1 + Math.floor(-Math.log(1 - u()) * 1.5);
    const productVisit = Math.floor(u() * visits);
    for (let v = 0; v < visits && day < o.days; v++) {
      let at = start + day * DAY + hour() * HOUR;
      const ch = channel();
      const step = () => (at += (0.5 + u() * 4) * MINUTE);
      if (v === productVisit) {
        const p = product();
        const views = 1 + Math.floor(u() * 2);
        for (let i = 0; i < views; i++)
          rows.push(['View Product Page', step(), ch, 'customer', { product: p }]);
        if (u() < 0.3) {
          rows.push(['Add to Cart', step(), ch, 'customer', {}]);
          rows.push(['Place Order', step(), ch, 'customer', {}]);
          rows.push(['Order Confirmation Sent', at + 2 * MINUTE, 'email', 'company', {}]);
        }
        afterVisit(rows, at, o.baseCallRate * (o.plantedProducts.includes(p) ? o.productLift : 1));
      } else {
        const kind = u() / o.failureShare;
        if (kind < 1) {
          // One search, as in a visit that goes well: two would make every term's days richer in failures.
          rows.push(['Search', step(), ch, 'customer', { term: pick(TERMS), results: 0 }]);
          afterVisit(rows, at, o.signRates.noResult);
        } else if (kind < 2) {
          const page = pick(PAGES);
          const views = 3 + Math.floor(u() * 3);
          for (let i = 0; i < views; i++) rows.push(['View Page', step(), ch, 'customer', { page }]);
          afterVisit(rows, at, o.signRates.repeatedView);
        } else if (kind < 3) {
          rows.push(['Start Form', step(), ch, 'customer', { form: pick(FORMS) }]);
          afterVisit(rows, at, o.signRates.formNotSent);
        } else {
          rows.push([
            'Search',
            step(),
            ch,
            'customer',
            { term: pick(TERMS), results: 1 + Math.floor(u() * 40) },
          ]);
          const pages = 1 + Math.floor(u() * 3);
          const first = Math.floor(u() * PAGES.length);
          for (let i = 0; i < pages; i++)
            rows.push([
              'View Page',
              step(),
              ch,
              'customer',
              { page: PAGES[(first + i) % PAGES.length] as string },
            ]);
          if (u() < 0.3) {
            const form = pick(FORMS);
            rows.push(['Start Form', step(), ch, 'customer', { form }]);
            rows.push(['Send Form', step(), ch, 'customer', { form }]);
          }
          afterVisit(rows, at, o.helpContactRate);
        }
      }
      day += 3 + Math.floor(u() * 8);
    }
    rows.sort((a, b) => a[1] - b[1]);
    for (const [activity, at, ch, initiator, a] of rows) {
      buffer += `${id},${activity},${new Date(at).toISOString()},${ch},${segment},${initiator},${a.product ?? ''},${a.page ?? ''},${a.term ?? ''},${a.results ?? ''},${a.form ?? ''}\n`;
      events++;
    }
    if (buffer.length > 1 << 20) {
      writeSync(fd, buffer);
      buffer = '';
    }
  }
  writeSync(fd, buffer);
  closeSync(fd);
  return { events, customers };
}
