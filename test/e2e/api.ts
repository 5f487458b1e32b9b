/** Seeds data through the browser host's own HTTP API (the same contract the UI uses). */
import type { CallInput, CallName, CallOutput } from '../../shared/contract';
import type { Result } from '../../shared/result';

export async function api<K extends CallName>(hostUrl: string, name: K, input: CallInput<K>): Promise<CallOutput<K>> {
  const url = new URL(hostUrl);
  const token = url.searchParams.get('token')!;
  const response = await fetch(`${url.origin}/api/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-clerk-token': token },
    body: JSON.stringify(input),
  });
  const result = (await response.json()) as Result<CallOutput<K>>;
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value;
}
