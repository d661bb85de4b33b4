/**
 * Who starts a contact, for the direction of its message flow. The model has no field for it, so
 * the rule reads what it has: the company sends when the channel is a delivery, when it is written
 * (email, SMS, mail) and no staffed pool answers the step (a confirmation, an invoice, a refund
 * notice, a status text), or when the touchpoint says it is an outbound call or a call-back.
 * Otherwise the customer starts it, which is also the answer when the model cannot tell.
 */
import type { Model, Step } from '../model/model.js';

const OUTBOUND = /\b(outbound|call[- ]?backs?|we call)\b/i;

export function companyInitiates(model: Model, step: Step): boolean {
  if (step.touchpoint && OUTBOUND.test(step.touchpoint)) return true;
  const channel = model.channels.find((c) => c.id === step.channel);
  if (!channel) return false;
  if (channel.id === 'delivery') return true;
  return channel.mode === 'written' && step.pool === undefined;
}
