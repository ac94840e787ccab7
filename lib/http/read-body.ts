// Reads a request body as text, refusing it as soon as it exceeds `maxBytes` (before buffering more).
import type { IncomingMessage } from 'node:http';

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

/**
 * From a Node request, with stream events rather than an async iterator (which cost a few
 * microseconds per request on the ingest fast path). Past the cap the request is destroyed, as
 * leaving an async iterator early does: the client is still sending, and nothing more is read.
 */
export function readRequestBody(request: IncomingMessage, maxBytes: number): Promise<string> {
  if (Number(request.headers['content-length'] ?? '0') > maxBytes) {
    return Promise.reject(new BodyTooLargeError(maxBytes));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const settle = (error: Error | null) => {
      request.off('data', onData).off('end', onEnd).off('error', settle).off('close', onClose);
      if (error) reject(error);
      else resolve(chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8'));
    };
    const onData = (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size <= maxBytes) return void chunks.push(chunk);
      settle(new BodyTooLargeError(maxBytes));
      request.destroy();
    };
    const onEnd = () => settle(null);
    // Closed before the end: the client went away in the middle of the body.
    const onClose = () => settle(new Error('the request was closed before its body ended'));
    request.on('data', onData).on('end', onEnd).on('error', settle).on('close', onClose);
  });
}
