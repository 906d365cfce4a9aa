// unode/internal/fs: FileHandle.readableWebStream over the public WHATWG
// streams. The default type reads 64 KiB at a time from the current position
// and yields ArrayBuffers, as Node's stream over its native handle does; type
// 'bytes' is Node's byte stream over fh.read (16 KiB chunks).
'use strict';

const { ReadableStream } = require('stream/web');
const io = require('./async-io');

const kChunk = 64 * 1024;

// { stream, cancelFromHandle }: the stream, and what the handle's 'close'
// event does to it (ends it and lets go of the handle, as Node's cancel).
function readableFrom(fh, bytes, kUnref) {
  let finished = false;
  let controller = null;
  const ondone = () => {
    if (finished) return;
    finished = true;
    fh[kUnref]();
  };
  let stream;
  if (!bytes) {
    stream = new ReadableStream({
      start(c) {
        controller = c;
      },
      pull(c) {
        return new Promise((resolve, reject) => {
          const ab = new ArrayBuffer(kChunk);
          io.read(fh.fd, new Uint8Array(ab), 0, kChunk, -1, (r) => {
            if (finished) {
              resolve();
            } else if (r < 0) {
              ondone();
              reject(require('../errors').uvException(r, 'read'));
            } else if (r === 0) {
              ondone();
              c.close();
              resolve();
            } else {
              c.enqueue(r === kChunk ? ab : ab.slice(0, r));
              resolve();
            }
          });
        });
      },
      cancel() {
        ondone();
      },
    });
  } else {
    const readFn = fh.read.bind(fh);
    stream = new ReadableStream({
      type: 'bytes',
      autoAllocateChunkSize: 16384,
      start(c) {
        controller = c;
      },
      async pull(c) {
        const view = c.byobRequest.view;
        const { bytesRead } = await readFn(view, view.byteOffset, view.byteLength);
        if (bytesRead === 0) {
          ondone();
          c.close();
        }
        c.byobRequest.respond(bytesRead);
      },
      cancel() {
        ondone();
      },
    });
  }
  const cancelFromHandle = () => {
    if (!finished) {
      try {
        controller.close();
      } catch {
        // already closed or errored
      }
    }
    ondone();
  };
  return { stream, cancelFromHandle };
}

module.exports = { readableFrom };
