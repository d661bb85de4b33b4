/** Follows a job's server-sent events until it ends, handing each state of the job to `set`. */
export function follow<T>(id: string, set: (job: T) => void): void {
  const events = new EventSource(`/api/jobs/${id}/events`);
  const update = (e: MessageEvent) => set(JSON.parse(e.data));
  for (const type of ['progress', 'done', 'failed', 'cancelled']) events.addEventListener(type, update);
  for (const type of ['done', 'failed', 'cancelled']) events.addEventListener(type, () => events.close());
}
