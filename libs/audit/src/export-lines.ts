import { closeSync, openSync, readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

/**
 * The lines of a file, read in chunks: an export of a long log is larger than the longest string
 * JavaScript can hold, and the verifier needs one line at a time.
 */
export function* linesOf(path: string, chunkSize = 1 << 20): Generator<string> {
  const fd = openSync(path, 'r');
  const decoder = new StringDecoder('utf8');
  const chunk = Buffer.allocUnsafe(chunkSize);
  let rest = '';
  try {
    for (;;) {
      const read = readSync(fd, chunk, 0, chunkSize, null);
      if (read === 0) break;
      const text = rest + decoder.write(chunk.subarray(0, read));
      const lines = text.split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) if (line !== '') yield line;
    }
    rest += decoder.end();
    if (rest !== '') yield rest;
  } finally {
    closeSync(fd);
  }
}
