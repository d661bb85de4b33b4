/** The channels every model knows without declaring them; a model may add more or rename these. */
import type { Channel } from './model.js';

export const BUILTIN_CHANNELS: readonly Channel[] = [
  { id: 'web', name: 'Website', mode: 'digital' },
  { id: 'app', name: 'Mobile app', mode: 'digital' },
  { id: 'phone', name: 'Phone', mode: 'voice' },
  { id: 'ivr', name: 'IVR', mode: 'voice' },
  { id: 'chat', name: 'Chat', mode: 'digital' },
  { id: 'email', name: 'Email', mode: 'written' },
  { id: 'sms', name: 'SMS', mode: 'written' },
  { id: 'mail', name: 'Mail', mode: 'written' },
  { id: 'store', name: 'Store', mode: 'physical' },
  { id: 'field', name: 'Field visit', mode: 'physical' },
  { id: 'social', name: 'Social media', mode: 'digital' },
  { id: 'delivery', name: 'Delivery', mode: 'physical' },
];
