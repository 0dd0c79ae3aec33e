import type http from 'node:http';

/** A request body went past the server's cap while it was still arriving. */
export class RequestBodyTooLargeError extends Error {
  constructor(
    /** The cap, in bytes. */
    readonly limitBytes: number,
    /** Bytes received when reading stopped (more may have been on the way). */
    readonly receivedBytes: number,
  ) {
    super(`request body is larger than the ${limitBytes}-byte limit (stopped reading after ${receivedBytes} bytes)`);
    this.name = 'RequestBodyTooLargeError';
  }
}

/** The client went away before the body was complete. */
export class RequestBodyIncompleteError extends Error {
  constructor(readonly receivedBytes: number) {
    super(`the client closed the connection after ${receivedBytes} bytes, before the request body ended`);
    this.name = 'RequestBodyIncompleteError';
  }
}

/**
 * Reads a request body, counting bytes as they stream in, so a chunked body without Content-Length is capped too.
 * Past `maxBytes` it stops reading (the request is paused, not destroyed, so the caller can still answer 413 on the
 * same connection) and rejects with `RequestBodyTooLargeError`.
 */
export function readRequestBody(request: http.IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const stopListening = () => {
      request.off('data', onData);
      request.off('end', onEnd);
      request.off('error', onFailure);
      request.off('close', onClose);
    };
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > maxBytes) {
        stopListening();
        request.pause();
        reject(new RequestBodyTooLargeError(maxBytes, received));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      stopListening();
      resolve(Buffer.concat(chunks, received));
    };
    const onFailure = (error: Error) => {
      stopListening();
      reject(error);
    };
    const onClose = () => {
      stopListening();
      reject(new RequestBodyIncompleteError(received));
    };
    request.on('data', onData);
    request.once('end', onEnd);
    request.once('error', onFailure);
    request.once('close', onClose);
  });
}
