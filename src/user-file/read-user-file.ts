import { closeSync, fstatSync, openSync, readSync, constants } from 'node:fs';
import type { FileProblem } from './file-problem.ts';

export interface ReadLimits {
  /** Larger files are refused unread. */
  readonly maxBytes: number;
  /** What the file should be, for the fix: "a YAML file like fixtures/static.example.yaml". */
  readonly expected: string;
}

export type ReadResult = { readonly text: string; readonly problem: null } | { readonly text: null; readonly problem: FileProblem };
export type ReadBytesResult = { readonly bytes: Buffer; readonly problem: null } | { readonly bytes: null; readonly problem: FileProblem };

/** The file's text (UTF-8), read as `readUserBytes` reads it. */
export function readUserFile(file: string, limits: ReadLimits): ReadResult {
  const read = readUserBytes(file, limits);
  return read.problem === null ? { text: read.bytes.toString('utf8'), problem: null } : { text: null, problem: read.problem };
}

/**
 * Reads a file the user named, as a regular file of bounded size. A FIFO, a device such as
 * /dev/zero or a directory is refused without reading from it (O_NONBLOCK keeps a FIFO from
 * blocking the open itself), and so is a file larger than the limit.
 */
export function readUserBytes(file: string, limits: ReadLimits): ReadBytesResult {
  const refuse = (message: string, fix: string): ReadBytesResult => ({ bytes: null, problem: { file, line: 0, column: 0, message, fix } });
  let descriptor: number;
  try {
    descriptor = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return refuse('the file does not exist', `pass the path of ${limits.expected}`);
    if (code === 'EACCES' || code === 'EPERM') return refuse('the file cannot be read (permission denied)', 'make it readable by this user, or pass another file');
    return refuse(`the file cannot be opened (${code ?? 'unknown error'})`, `pass the path of ${limits.expected}`);
  }
  try {
    const stats = fstatSync(descriptor);
    if (!stats.isFile()) {
      return refuse(`this is ${stats.isDirectory() ? 'a directory' : 'not a regular file (a pipe, a socket or a device)'}`, `pass the path of ${limits.expected}`);
    }
    if (stats.size > limits.maxBytes) {
      return refuse(`the file is ${stats.size} bytes, more than the ${limits.maxBytes} bytes such a file may have`, `pass ${limits.expected}`);
    }
    // Read no more than the limit, even if the file grows while it is read. Only the bytes read are
    // used: zeroing the whole limit first cost a recording (hundreds of files, 16 MiB each) seconds.
    const buffer = Buffer.allocUnsafe(limits.maxBytes + 1);
    let length = 0;
    for (;;) {
      const read = readSync(descriptor, buffer, length, buffer.length - length, null);
      length += read;
      if (read === 0 || length === buffer.length) break;
    }
    if (length > limits.maxBytes) return refuse(`the file grew past ${limits.maxBytes} bytes while it was read`, `pass ${limits.expected}`);
    return { bytes: buffer.subarray(0, length), problem: null };
  } catch (error) {
    return refuse(`the file cannot be read (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`, `pass the path of ${limits.expected}`);
  } finally {
    closeSync(descriptor);
  }
}
