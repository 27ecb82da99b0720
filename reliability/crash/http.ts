/**
 * A request on a socket of its own (no keep-alive pool): a request cut by the
 * server's death fails alone, and nothing stale is reused after a restart.
 */
import { request } from 'node:http';

export interface Answer {
  status: number;
  /** The parsed JSON body, or the raw text when it is not JSON. */
  body: unknown;
}

export function call(
  baseUrl: string,
  method: 'GET' | 'POST',
  path: string,
  options: { headers?: Record<string, string>; body?: unknown; timeoutMs?: number } = {},
): Promise<Answer> {
  const payload = options.body === undefined ? undefined : Buffer.from(JSON.stringify(options.body));
  const headers: Record<string, string> = { ...options.headers };
  if (payload) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = String(payload.length);
  } else {
    delete headers['content-type'];
  }
  return new Promise((resolve, reject) => {
    const req = request(
      new URL(path, baseUrl),
      { method, headers, agent: false, timeout: options.timeoutMs ?? 60_000 },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        // A body cut off by the server's death is no answer.
        res.on('close', () => {
          if (!res.complete) reject(new Error(`${method} ${path}: the answer was cut off`));
        });
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown = text;
          try {
            body = JSON.parse(text);
          } catch {
            // Not JSON: keep the text for the failure message.
          }
          resolve({ status: res.statusCode ?? 0, body });
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error(`${method} ${path}: no answer within the timeout`)));
    req.on('error', reject);
    req.end(payload);
  });
}

/** Run `work` over `inputs` with at most `width` at a time, results in input order. */
export async function inBatches<T, R>(
  inputs: readonly T[],
  width: number,
  work: (input: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(inputs.length);
  let next = 0;
  const worker = async () => {
    while (next < inputs.length) {
      const index = next++;
      results[index] = await work(inputs[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, inputs.length) }, worker));
  return results;
}
