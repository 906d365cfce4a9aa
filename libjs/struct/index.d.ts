// libjs/struct: types of the struct codecs (docs/libjs-struct.md).
/// <reference types="node" />

export type Buf = ArrayBufferView;
export type Int64 = number | bigint;
export interface Layout { size: number; fields: Record<string, [offset: number, size: number]>; }

export interface Stat {
  dev: number; ino: number; mode: number; nlink: number; uid: number; gid: number; rdev: number;
  size: number; blksize: number; blocks: number;
  atimeSec: number; atimeNsec: number; atimeMs: number;
  mtimeSec: number; mtimeNsec: number; mtimeMs: number;
  ctimeSec: number; ctimeNsec: number; ctimeMs: number;
}
export interface BigIntStat {
  dev: bigint; ino: bigint; mode: bigint; nlink: bigint; uid: bigint; gid: bigint; rdev: bigint;
  size: bigint; blksize: bigint; blocks: bigint;
  atimeSec: bigint; atimeNsec: bigint; atimeNs: bigint; atimeMs: bigint;
  mtimeSec: bigint; mtimeNsec: bigint; mtimeNs: bigint; mtimeMs: bigint;
  ctimeSec: bigint; ctimeNsec: bigint; ctimeNs: bigint; ctimeMs: bigint;
}
export const stat: {
  SIZE: number; layout: Layout; LAYOUTS: { x64: Layout; arm64: Layout };
  decode(buf: Buf, offset?: number): Stat;
  decodeBigInt(buf: Buf, offset?: number): BigIntStat;
  mode(buf: Buf, offset?: number): number;
  size(buf: Buf, offset?: number): number;
};

type StatxTimes<T> = {
  [K in 'atime' | 'btime' | 'ctime' | 'mtime' as `${K}Sec` | `${K}Nsec` | `${K}Ms`]: T;
};
export type Statx = StatxTimes<number> & {
  mask: number; blksize: number; attributes: number; nlink: number; uid: number; gid: number; mode: number;
  ino: number; size: number; blocks: number; attributesMask: number;
  rdevMajor: number; rdevMinor: number; devMajor: number; devMinor: number; dev: number; rdev: number;
  mntId: number; dioMemAlign: number; dioOffsetAlign: number;
};
export type BigIntStatx = { [K in keyof Statx]: bigint } & { atimeNs: bigint; btimeNs: bigint; ctimeNs: bigint; mtimeNs: bigint };
export const statx: {
  SIZE: 256; TS_SIZE: 16; layout: Layout;
  decode(buf: Buf, offset?: number): Statx;
  decodeBigInt(buf: Buf, offset?: number): BigIntStatx;
};

export interface Timespec<T = number> { sec: T; nsec: T; }
export const timespec: {
  SIZE: 16; layout: Layout;
  decode(buf: Buf, offset?: number): Timespec;
  decodeBigInt(buf: Buf, offset?: number): Timespec<bigint>;
  toNs(buf: Buf, offset?: number): bigint;
  toMs(buf: Buf, offset?: number): number;
  encode<B extends Buf>(buf: B | null, sec: Int64, nsec: number, offset?: number): B;
  encodeMs<B extends Buf>(buf: B | null, ms: number, offset?: number): B;
  encodeNs<B extends Buf>(buf: B | null, ns: bigint | number, offset?: number): B;
};
export const timeval: {
  SIZE: 16; layout: Layout;
  decode(buf: Buf, offset?: number): { sec: number; usec: number };
  decodeBigInt(buf: Buf, offset?: number): { sec: bigint; usec: bigint };
  toMs(buf: Buf, offset?: number): number;
  encode<B extends Buf>(buf: B | null, sec: Int64, usec: number, offset?: number): B;
};
export const itimerspec: {
  SIZE: 32; layout: Layout;
  decode(buf: Buf, offset?: number): { interval: Timespec; value: Timespec };
  decodeBigInt(buf: Buf, offset?: number): { interval: Timespec<bigint>; value: Timespec<bigint> };
  encode<B extends Buf>(buf: B | null, v: { interval?: Timespec<Int64>; value?: Timespec<Int64> }, offset?: number): B;
  encodeMs<B extends Buf>(buf: B | null, valueMs: number, intervalMs?: number, offset?: number): B;
};

export interface SockaddrIn { family: number; address: string; port: number; }
export interface SockaddrIn6 extends SockaddrIn { flowinfo: number; scopeId: number; }
export interface SockaddrUn { family: number; path: string; abstract: boolean; }
export interface SockaddrNl { family: number; pid: number; groups: number; }
export const sockaddr_in: {
  SIZE: 16; layout: Layout;
  /** 16, or -EINVAL for text that is not a dotted quad. */
  encode(buf: Buf, address: string, port: number, offset?: number): number;
  decode(buf: Buf, offset?: number): SockaddrIn;
};
export const sockaddr_in6: {
  SIZE: 28; layout: Layout;
  /** 28, or -EINVAL. A numeric zone ('fe80::1%3') sets the scope id. */
  encode(buf: Buf, address: string, port: number, flowinfo?: number, scopeId?: number, offset?: number): number;
  decode(buf: Buf, offset?: number): SockaddrIn6;
};
export const sockaddr_un: {
  SIZE: 110; PATH_MAX: 108; layout: Layout;
  /** The addrlen to pass, or -ENAMETOOLONG, or -EINVAL. A leading NUL makes an abstract name. */
  encode(buf: Buf, path: string | Buf, offset?: number): number;
  decode(buf: Buf, addrlen: number, offset?: number): SockaddrUn;
  pathBytes(buf: Buf, addrlen: number, offset?: number): Buffer;
};
export const sockaddr_nl: {
  SIZE: 12; layout: Layout;
  encode(buf: Buf, pid?: number, groups?: number, offset?: number): number;
  decode(buf: Buf, offset?: number): SockaddrNl;
};
export const sockaddr: {
  STORAGE_SIZE: 128; LAYOUTS: Record<string, Layout>;
  sockaddr_in: typeof sockaddr_in; sockaddr_in6: typeof sockaddr_in6; sockaddr_un: typeof sockaddr_un; sockaddr_nl: typeof sockaddr_nl;
  family(buf: Buf, offset?: number): number;
  decode(buf: Buf, addrlen: number, offset?: number): SockaddrIn | SockaddrIn6 | SockaddrUn | SockaddrNl | { family: number; data?: Buffer };
};
export const inet: {
  parse4(text: string, out: Uint8Array, at: number): boolean;
  format4(u8: Uint8Array, at: number): string;
  parse6(text: string, out: Uint8Array, at: number): boolean;
  format6(u8: Uint8Array, at: number): string;
};

export class EpollEvents {
  constructor(capacity: number);
  readonly capacity: number;
  readonly buffer: Uint8Array;
  events(i: number): number;
  data(i: number): number;
  dataBigInt(i: number): bigint;
  set(i: number, events: number, data: number | bigint): void;
}
export const epoll_event: {
  SIZE: number; layout: Layout; LAYOUTS: { x64: Layout; arm64: Layout };
  events(buf: Buf, index?: number): number;
  data(buf: Buf, index?: number): number;
  dataBigInt(buf: Buf, index?: number): bigint;
  decode(buf: Buf, index?: number): { events: number; data: number };
  decodeBigInt(buf: Buf, index?: number): { events: number; data: bigint };
  encode<B extends Buf>(buf: B, events: number, data: number | bigint, index?: number): B;
  EpollEvents: typeof EpollEvents;
};

export interface Dirent<N = string, I = number> { name: N; type: number; ino: I; }
export const dirent64: {
  HEADER: 19; layout: Layout;
  DT: { UNKNOWN: 0; FIFO: 1; CHR: 2; DIR: 4; BLK: 6; REG: 8; LNK: 10; SOCK: 12; WHT: 14 };
  list(buf: Buf, nread: number, names: string[], types?: number[]): number;
  iterate(buf: Buf, nread: number, options?: { encoding?: 'utf8' }): Generator<Dirent>;
  iterate(buf: Buf, nread: number, options: { encoding: 'buffer'; bigint?: false }): Generator<Dirent<Buffer>>;
  iterate(buf: Buf, nread: number, options: { encoding?: 'utf8'; bigint: true }): Generator<Dirent<string, bigint>>;
  iterate(buf: Buf, nread: number, options: { encoding: 'buffer'; bigint: true }): Generator<Dirent<Buffer, bigint>>;
};

/** Lifetime rule: keep this object referenced until the call using it has returned. */
export class IovecArray {
  constructor(buffers: Buf[]);
  readonly count: number;
  readonly buffer: Buffer;
  readonly buffers: Buf[];
  readonly totalLength: number;
}
export const iovec: {
  SIZE: 16; IOV_MAX: 1024; layout: Layout; IovecArray: typeof IovecArray;
  build(buffers: Buf[]): IovecArray;
  decode(buf: Buf, index?: number): { base: bigint; len: number };
};
export interface MsghdrResult { namelen: number; iovlen: number; controllen: number; flags: number; }
/** Lifetime rule: keep this object referenced until sendmsg/recvmsg has returned. */
export class Msghdr {
  constructor(options?: { name?: Buf | null; namelen?: number; iov?: IovecArray | Buf[]; control?: Buf | null; controllen?: number; flags?: number });
  readonly buffer: Buffer;
  result(): MsghdrResult;
}
export const msghdr: {
  SIZE: 56; layout: Layout; Msghdr: typeof Msghdr;
  build(options?: ConstructorParameters<typeof Msghdr>[0]): Msghdr;
  decode(buf: Buf, offset?: number): MsghdrResult;
};
export interface Ucred { pid: number; uid: number; gid: number; }
export interface Cmsg { level: number; type: number; data: Uint8Array; fds?: number[]; cred?: Ucred; }
export const cmsg: {
  HEADER: 16; layout: Layout;
  ALIGN(n: number): number; LEN(n: number): number; SPACE(n: number): number;
  encode(buf: Buf, level: number, type: number, data: Buf, offset?: number): number;
  encodeRights(fds: number[]): Buffer;
  encodeCredentials(pid: number, uid: number, gid: number): Buffer;
  decode(buf: Buf, controllen: number): Cmsg[];
  decodeRights(data: Uint8Array): number[];
};

/** A table-driven codec: decode with Numbers, decodeBigInt with 64-bit fields as BigInts. */
export interface Codec<N, B = N> {
  name: string; SIZE: number; layout: Layout;
  decode(buf: Buf, offset?: number): N;
  decodeBigInt(buf: Buf, offset?: number): B;
  encode<T extends Buf = Buffer>(buf: T | null, values: Partial<N | B>, offset?: number): T;
}
type Big<T, K extends keyof T> = Omit<T, K> & { [P in K]: bigint };

export interface Utsname { sysname: string; nodename: string; release: string; version: string; machine: string; domainname: string; }
export const utsname: Codec<Utsname>;
export interface Sysinfo {
  uptime: number; loads1: number; loads5: number; loads15: number; totalram: number; freeram: number;
  sharedram: number; bufferram: number; totalswap: number; freeswap: number; procs: number;
  totalhigh: number; freehigh: number; memUnit: number;
}
export const sysinfo: Codec<Sysinfo, Big<Sysinfo, Exclude<keyof Sysinfo, 'procs' | 'memUnit'>>> & {
  loadavg(info: Sysinfo | Big<Sysinfo, Exclude<keyof Sysinfo, 'procs' | 'memUnit'>>): [number, number, number];
};
export const rlimit: {
  SIZE: 16; layout: Layout; RLIM_INFINITY: bigint;
  decode(buf: Buf, offset?: number): { cur: number; max: number };
  decodeBigInt(buf: Buf, offset?: number): { cur: bigint; max: bigint };
  encode<B extends Buf = Buffer>(buf: B | null, cur: Int64, max: Int64, offset?: number): B;
};
export interface Rusage {
  utimeSec: number; utimeUsec: number; stimeSec: number; stimeUsec: number; maxrss: number; ixrss: number;
  idrss: number; isrss: number; minflt: number; majflt: number; nswap: number; inblock: number; oublock: number;
  msgsnd: number; msgrcv: number; nsignals: number; nvcsw: number; nivcsw: number;
}
export const rusage: Codec<Rusage, { [K in keyof Rusage]: bigint }>;
export interface Statfs {
  type: number; bsize: number; blocks: number; bfree: number; bavail: number; files: number; ffree: number;
  fsid0: number; fsid1: number; namelen: number; frsize: number; flags: number;
}
export const statfs: Codec<Statfs, Big<Statfs, Exclude<keyof Statfs, 'fsid0' | 'fsid1'>>>;
export interface Siginfo { signo: number; errno: number; code: number; pid: number; uid: number; status: number; utime: number; stime: number; }
export const siginfo: Codec<Siginfo, Big<Siginfo, 'utime' | 'stime'>>;
export interface SignalfdSiginfo {
  signo: number; errno: number; code: number; pid: number; uid: number; fd: number; tid: number; band: number;
  overrun: number; trapno: number; status: number; int: number; ptr: number; utime: number; stime: number;
  addr: number; addrLsb: number; syscall: number; callAddr: number; arch: number;
}
export const signalfd_siginfo: Codec<SignalfdSiginfo, Big<SignalfdSiginfo, 'ptr' | 'utime' | 'stime' | 'addr' | 'callAddr'>>;
export const winsize: Codec<{ row: number; col: number; xpixel: number; ypixel: number }>;
export const open_how: Codec<{ flags: number; mode: number; resolve: number }, { flags: bigint; mode: bigint; resolve: bigint }>;
export const ucred: Codec<Ucred>;
export const linger: Codec<{ onoff: number; linger: number }>;
export const pollfd: {
  SIZE: 8; layout: Layout;
  encode<B extends Buf>(buf: B, index: number, fd: number, events: number): B;
  encodeArray(list: { fd: number; events: number }[]): Buffer;
  revents(buf: Buf, index?: number): number;
  decode(buf: Buf, index?: number): { fd: number; events: number; revents: number };
};
export const inotify_event: {
  HEADER: 16; layout: Layout;
  iterate(buf: Buf, nread: number, options?: { encoding?: 'utf8' }): Generator<{ wd: number; mask: number; cookie: number; name: string | null }>;
  iterate(buf: Buf, nread: number, options: { encoding: 'buffer' }): Generator<{ wd: number; mask: number; cookie: number; name: Buffer | null }>;
};
export const ip_mreq: {
  SIZE: 8; layout: Layout;
  encode(buf: Buf, multiaddr: string, iface?: string, offset?: number): number;
  decode(buf: Buf, offset?: number): { multiaddr: string; interface: string };
};
export const ip_mreqn: {
  SIZE: 12; layout: Layout;
  encode(buf: Buf, multiaddr: string, address?: string, ifindex?: number, offset?: number): number;
  decode(buf: Buf, offset?: number): { multiaddr: string; address: string; ifindex: number };
};
export const ipv6_mreq: {
  SIZE: 20; layout: Layout;
  encode(buf: Buf, multiaddr: string, ifindex?: number, offset?: number): number;
  decode(buf: Buf, offset?: number): { multiaddr: string; interface: number };
};

export interface Nlmsghdr { len: number; type: number; flags: number; seq: number; pid: number; }
export const nlmsghdr: Codec<Nlmsghdr>;
export const ifaddrmsg: Codec<{ family: number; prefixlen: number; flags: number; scope: number; index: number }>;
export const ifinfomsg: Codec<{ family: number; type: number; index: number; flags: number; change: number }>;
export const rtattr: { SIZE: 4; layout: Layout };
export const nlmsg: {
  request(type: number, flags: number, seq: number, payload?: Buf, pid?: number): Buffer;
  messages(buf: Buf, nread: number): (Nlmsghdr & { payload: Uint8Array; error?: number })[];
  attributes(buf: Buf, offset?: number): { type: number; data: Uint8Array }[];
  encodeAttribute(type: number, data: Buf): Buffer;
  ALIGN(n: number): number; HDRLEN: 16; RTA_ALIGN(n: number): number;
};

export function makedev(major: number, minor: number): number;
export function makedevBigInt(major: number, minor: number): bigint;
export function major(dev: number | bigint): number;
export function minor(dev: number | bigint): number;
/** Every layout of this architecture by libsys's struct name. */
export const layouts: Record<string, Layout>;
