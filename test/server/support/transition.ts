/**
 * A workflow step as the UI takes it: on the version the actor sees now (read first), so that a
 * test about something else is not refused as stale. A form the actor cannot see is sent with
 * version 1 (the server answers 404 before it looks at the version).
 */
import type { Answer, Client } from './api-harness.ts';

export async function act(client: Client, path: string, body: { action: string; comment?: string }, query = ''): Promise<Answer> {
  const seen = await client.get(path);
  const version = seen.status === 200 && typeof seen.body?.version === 'number' ? seen.body.version : 1;
  return client.post(`${path}/transitions${query}`, { ...body, version });
}
