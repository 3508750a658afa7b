/** Helpers for tests that read a live stream of server-sent events over a real connection. */

export interface StreamEvent {
  id: number;
  event: string;
  data: unknown;
}

/** Reads server-sent events from a response body until `until` says enough. */
export async function readEvents(response: Response, until: (events: StreamEvent[]) => boolean, timeoutMs = 5000) {
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  const events: StreamEvent[] = [];
  let buffer = '';
  const deadline = Date.now() + timeoutMs;
  while (!until(events) && Date.now() < deadline) {
    const chunk = await Promise.race([
      reader.read(),
      new Promise<{ done: true; value: undefined }>((resolve) =>
        setTimeout(() => resolve({ done: true, value: undefined }), deadline - Date.now()),
      ),
    ]);
    if (chunk.done) break;
    buffer += decoder.decode(chunk.value, { stream: true });
    let end = buffer.indexOf('\n\n');
    while (end >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const field = (name: string) =>
        block
          .split('\n')
          .find((l) => l.startsWith(`${name}: `))
          ?.slice(name.length + 2);
      if (field('event'))
        events.push({
          id: Number(field('id')),
          event: field('event') ?? '',
          data: JSON.parse(field('data') ?? 'null'),
        });
      end = buffer.indexOf('\n\n');
    }
  }
  await reader.cancel().catch(() => {});
  return events;
}
