// libaio: types for the epoll event loop and its sockets, pipes and timers.
// Kernel errors are negative errno Numbers (-111 for ECONNREFUSED), given to
// callbacks or returned; bad arguments throw TypeError.

/** 0 for success, or a negative errno. */
export type Status = number;

export interface LoopOptions {
  /** Let Node's loop watch the epoll fd (default true). */
  hosted?: boolean;
  /** Drain eloop's completions from this loop (only one loop can; getLoop()'s does). */
  eloop?: boolean;
  /** Events taken per epoll_wait (default 1024). */
  maxEvents?: number;
}

export class Loop {
  constructor(options?: LoopOptions);
  readonly epfd: number;
  readonly hosted: boolean;
  /** Watch fd for EPOLLIN/EPOLLOUT/... (0: known, not watched). 0 or -errno (-EEXIST). */
  add(fd: number, events: number, callback: (events: number, fd: number) => void): Status;
  /** Change the interest; 0 takes the fd out of epoll. 0 or -errno (-ENOENT). */
  modify(fd: number, events: number): Status;
  /** Forget fd (call before closing it). 0 or -errno. */
  remove(fd: number): Status;
  /** Whether a watched fd keeps the process alive (default true). */
  setRef(fd: number, on: boolean): void;
  /** The interest of fd, or -1 when it is not added. */
  interest(fd: number): number;
  has(fd: number): boolean;
  /** Whether referenced work remains. */
  alive(): boolean;
  readonly refCount: number;
  /** Keep the loop alive for work it cannot see, until release(). */
  hold(): void;
  release(): void;
  /** CLOCK_MONOTONIC in ms. */
  now(): number;
  setTimeout<A extends unknown[]>(cb: (this: Timer, ...args: A) => void, ms: number, ...args: A): Timer;
  setInterval<A extends unknown[]>(cb: (this: Timer, ...args: A) => void, ms: number, ...args: A): Timer;
  clearTimeout(t: Timer | null | undefined): void;
  clearInterval(t: Timer | null | undefined): void;
  setImmediate<A extends unknown[]>(cb: (this: Immediate, ...args: A) => void, ...args: A): Immediate;
  clearImmediate(i: Immediate | null | undefined): void;
  /** Standalone: drive the loop on this thread until no referenced work is left or stop(). */
  run(): void;
  /** One standalone pass; returns whether referenced work remains. */
  runOnce(): boolean;
  stop(): void;
  /** Closes the loop's own fds (not the fds added to it). */
  close(): void;
}

/** The process's loop: hosted in Node's, eloop attached. */
export function getLoop(): Loop;

export class Timer {
  readonly active: boolean;
  hasRef(): boolean;
  ref(): this;
  unref(): this;
  refresh(): this;
  close(): this;
}

export class Immediate {
  hasRef(): boolean;
  ref(): this;
  unref(): this;
  close(): this;
}

export interface InetAddress {
  address: string;
  family: 'IPv4' | 'IPv6';
  port: number;
  flowinfo?: number;
  scopeid?: number;
}
export interface UnixAddress {
  /** '' for an unnamed socket; a leading '\0' for an abstract name. */
  path: string;
  family: 'Unix';
}
export type SocketAddress = InetAddress | UnixAddress;

export type Data = ArrayBufferView | string;

export class Stream {
  readonly loop: Loop;
  /** -1 once closed. */
  readonly fd: number;
  readonly kind: 'tcp' | 'unix' | 'pipe';
  readonly connecting: boolean;
  readonly closed: boolean;
  readonly reading: boolean;
  /** Bytes queued, not yet handed to the kernel. */
  readonly writeQueueSize: number;
  /** The errno that stopped the stream, or 0. */
  readonly error: number;
  /** write() returns false once writeQueueSize reaches this (default 16384). */
  highWaterMark: number;
  /** Read into this buffer instead of the shared slab (onData gets a view of it). */
  readBuffer: Uint8Array | null;
  bytesRead: number;
  bytesWritten: number;

  onConnect: ((status: Status) => void) | null;
  onData: ((chunk: Buffer) => void) | null;
  /** Descriptors received with the data that follows (setIpc). */
  onFds: ((fds: number[]) => void) | null;
  onEnd: (() => void) | null;
  onDrain: (() => void) | null;
  onError: ((errno: number) => void) | null;
  onClose: (() => void) | null;
  onTimeout: (() => void) | null;

  /** Start reading (onData must be set). */
  resume(): this;
  pause(): this;
  /** Returns whether the queue is below highWaterMark. cb never runs inside write(). */
  write(data: Data, cb?: (status: Status) => void): boolean;
  writev(chunks: Data[], cb?: (status: Status) => void): boolean;
  /** Unix sockets: data with descriptors (SCM_RIGHTS). */
  sendFds(data: Data, fds: number[], cb?: (status: Status) => void): boolean;
  setIpc(on?: boolean): Status;
  cork(): this;
  uncork(): this;
  /** Half-close once the queue has drained (pipes: close the write end). */
  end(cb?: (status: Status) => void): this;
  close(cb?: () => void): void;
  destroy(cb?: () => void): void;
  /** Close with a reset (SO_LINGER 0). */
  reset(cb?: () => void): void;
  /** onTimeout after ms of inactivity (0: off); unreferenced. */
  setTimeout(ms: number, cb?: () => void): this;
  ref(): this;
  unref(): this;
  hasRef(): boolean;
  address(): SocketAddress | number;
  remoteAddress(): SocketAddress | number;
  setNoDelay(on?: boolean): Status;
  setKeepAlive(on?: boolean, delaySecs?: number): Status;
  setRecvBufferSize(n: number): Status;
  setSendBufferSize(n: number): Status;
  getRecvBufferSize(): number;
  getSendBufferSize(): number;
  setOption(level: number, name: number, value: number): Status;
  getOption(level: number, name: number): number;
}

export interface ConnectOptions {
  host?: string;
  port?: number;
  family?: 0 | 4 | 6;
  localAddress?: string;
  localPort?: number;
  noDelay?: boolean;
  keepAlive?: boolean;
  /** Seconds. */
  keepAliveInitialDelay?: number;
  /** A Unix socket path ('\0name' for an abstract name). */
  path?: string | Buffer;
}

export interface ListenOptions {
  host?: string;
  port?: number;
  family?: 0 | 4 | 6;
  /** Default 511. */
  backlog?: number;
  ipv6Only?: boolean;
  reusePort?: boolean;
  path?: string | Buffer;
  readableAll?: boolean;
  writableAll?: boolean;
}

/** A Stream connecting in the background; cb(0 or -errno) from the loop. */
export function connect(options: ConnectOptions, cb?: (status: Status) => void, loop?: Loop): Stream;

export class Server {
  constructor(loop?: Loop);
  readonly fd: number;
  readonly kind: 'tcp' | 'unix' | null;
  readonly listening: boolean;
  /** The stream starts paused: set onData and call resume(). */
  onConnection: ((stream: Stream) => void) | null;
  onError: ((errno: number) => void) | null;
  onClose: (() => void) | null;
  listen(options?: ListenOptions): Status;
  listenFd(fd: number, kind?: 'tcp' | 'unix'): Status;
  pause(): this;
  resume(): this;
  address(): SocketAddress | number;
  ref(): this;
  unref(): this;
  hasRef(): boolean;
  close(cb?: () => void): void;
}

/** A listening Server, or -errno. */
export function listen(options: ListenOptions, onConnection?: (stream: Stream) => void, loop?: Loop): Server | number;
export function createServer(onConnection?: (stream: Stream) => void, loop?: Loop): Server;

export interface UdpOptions {
  reuseAddr?: boolean;
  reusePort?: boolean;
  ipv6Only?: boolean;
  recvBufferSize?: number;
  sendBufferSize?: number;
}

export interface RemoteInfo extends InetAddress {
  size: number;
}

export class UdpSocket {
  constructor(type: 'udp4' | 'udp6', options?: UdpOptions, loop?: Loop);
  readonly type: 'udp4' | 'udp6';
  /** -1 until bound, connected or used. */
  readonly fd: number;
  readonly sendQueueCount: number;
  readonly sendQueueSize: number;
  onMessage: ((msg: Buffer, rinfo: RemoteInfo) => void) | null;
  onError: ((errno: number) => void) | null;
  onClose: (() => void) | null;
  bind(options?: { port?: number; address?: string }): Status;
  connect(port: number, address?: string): Status;
  disconnect(): Status;
  /** cb(bytes sent or -errno). */
  send(data: Data | Data[], port: number, address?: string, cb?: (result: number) => void): void;
  send(data: Data | Data[], cb?: (result: number) => void): void;
  resume(): this;
  pause(): this;
  address(): InetAddress | number;
  remoteAddress(): InetAddress | number;
  setBroadcast(on: boolean): Status;
  setTTL(ttl: number): Status;
  setMulticastTTL(ttl: number): Status;
  setMulticastLoopback(on: boolean): Status;
  setMulticastInterface(iface: string): Status;
  addMembership(group: string, iface?: string): Status;
  dropMembership(group: string, iface?: string): Status;
  addSourceSpecificMembership(source: string, group: string, iface?: string): Status;
  dropSourceSpecificMembership(source: string, group: string, iface?: string): Status;
  setRecvBufferSize(n: number): Status;
  setSendBufferSize(n: number): Status;
  getRecvBufferSize(): number;
  getSendBufferSize(): number;
  ref(): this;
  unref(): this;
  hasRef(): boolean;
  close(cb?: () => void): void;
}

export function createSocket(type: 'udp4' | 'udp6', options?: UdpOptions, loop?: Loop): UdpSocket;

/** [readEnd, writeEnd], or -errno. */
export function pipe(loop?: Loop): [Stream, Stream] | number;
/** Two connected Unix stream sockets, or -errno. */
export function socketPair(loop?: Loop): [Stream, Stream] | number;
/** A Stream over an fd this process has (made non-blocking), or -errno (-EPERM for a regular file). */
export function open(fd: number, options?: { kind?: 'tcp' | 'unix' | 'pipe' }, loop?: Loop): Stream | number;
/** 4, 6, or 0 for text that is not a numeric address. */
export function ipFamily(host: string): 0 | 4 | 6;

export function setTimeout<A extends unknown[]>(cb: (this: Timer, ...args: A) => void, ms: number, ...args: A): Timer;
export function setInterval<A extends unknown[]>(cb: (this: Timer, ...args: A) => void, ms: number, ...args: A): Timer;
export function setImmediate<A extends unknown[]>(cb: (this: Immediate, ...args: A) => void, ...args: A): Immediate;
export function clearTimeout(t: Timer | null | undefined): void;
export function clearInterval(t: Timer | null | undefined): void;
export function clearImmediate(i: Immediate | null | undefined): void;
