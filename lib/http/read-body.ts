// Reads a request body as text, refusing it as soon as it exceeds `maxBytes` (before buffering more).
export class BodyTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`body is larger than ${maxBytes} bytes`);
    this.name = 'BodyTooLargeError';
  }
}

/** From a web Request (Next.js route handlers). */
export function readBodyText(request: Request, maxBytes: number): Promise<string> {
  if (!request.body) return Promise.resolve('');
  // Node's web streams are async-iterable; the DOM typings do not say so.
  const stream = request.body as unknown as AsyncIterable<Uint8Array>;
  return readCapped(stream, Number(request.headers.get('content-length') ?? '0'), maxBytes);
}

/** From any byte stream (a Node IncomingMessage is an async iterable of Buffers). */
export async function readCapped(
  stream: AsyncIterable<Uint8Array>,
  declaredLength: number,
  maxBytes: number,
): Promise<string> {
  if (declaredLength > maxBytes) throw new BodyTooLargeError(maxBytes);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += chunk.byteLength;
    // Stop reading (and buffering) as soon as the cap is passed.
    if (size > maxBytes) throw new BodyTooLargeError(maxBytes);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
