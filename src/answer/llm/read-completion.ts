// Parsing of chat-completions responses: one JSON body, or server-sent events when streaming.
import { LlmError } from './llm-error.js';

/** The assistant text of a non-streamed completion; malformed bodies raise {@link LlmError} `malformed`. */
export async function readCompletionJson(response: Response): Promise<string> {
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    throw new LlmError('malformed', `the completion was not JSON (starts with ${JSON.stringify(text.slice(0, 80))})`, { cause: error });
  }
  const choice = firstChoice(body);
  const content = (choice?.message as { content?: unknown } | undefined)?.content;
  if (content === null || content === undefined) {
    if (choice) return '';
    throw new LlmError('malformed', `the completion had no choices[0].message (got ${JSON.stringify(body).slice(0, 200)})`);
  }
  if (typeof content !== 'string') throw new LlmError('malformed', 'choices[0].message.content was not a string');
  return content;
}

/**
 * The assistant text of a streamed completion (`data: {…}` events up to `data: [DONE]`),
 * calling `onText` with the text so far after each piece.
 */
export async function readCompletionStream(response: Response, onText: (textSoFar: string) => void): Promise<string> {
  if (!response.body) return '';
  const decoder = new TextDecoder();
  let buffered = '';
  let text = '';
  for await (const bytes of response.body) {
    buffered += decoder.decode(bytes, { stream: true });
    const lines = buffered.split(/\r?\n/);
    buffered = lines.pop() ?? '';
    for (const line of lines) {
      const piece = parseEventLine(line);
      if (piece === 'done') return text;
      if (piece) {
        text += piece;
        onText(text);
      }
    }
  }
  const last = parseEventLine(buffered + decoder.decode());
  if (typeof last === 'string' && last !== 'done' && last) {
    text += last;
    onText(text);
  }
  return text;
}

/** The content delta of one SSE line, `done` at the end marker, or null for anything else (comments, blank lines, role-only deltas). */
function parseEventLine(line: string): string | 'done' | null {
  if (!line.startsWith('data:')) return null;
  const payload = line.slice(5).trim();
  if (payload === '[DONE]') return 'done';
  if (payload === '') return null;
  let event: unknown;
  try {
    event = JSON.parse(payload);
  } catch (error) {
    throw new LlmError('malformed', `a streamed event was not JSON (${JSON.stringify(payload.slice(0, 80))})`, { cause: error });
  }
  if (event && typeof event === 'object' && 'error' in event) {
    throw new LlmError('malformed', `the server reported an error mid-stream: ${JSON.stringify((event as { error: unknown }).error).slice(0, 200)}`);
  }
  const content = (firstChoice(event)?.delta as { content?: unknown } | undefined)?.content;
  return typeof content === 'string' ? content : null;
}

function firstChoice(body: unknown): Record<string, unknown> | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const choices = (body as { choices?: unknown }).choices;
  if (!Array.isArray(choices)) return undefined;
  const first: unknown = choices[0];
  return first && typeof first === 'object' ? (first as Record<string, unknown>) : undefined;
}
