// libjs/vdso: time through the vDSO (docs/libjs-struct.md).
/// <reference types="node" />

/** Fills a 16-byte struct timespec; 0 or -errno. */
export function clock_gettime(clockid: number, ts: ArrayBufferView): number;
export function clock_getres(clockid: number, ts?: ArrayBufferView | null): number;
/** Fills a struct timeval (16 bytes); tz (8 bytes) is obsolete. 0 or -errno. */
export function gettimeofday(tv: ArrayBufferView | null, tz?: ArrayBufferView | null): number;
/** Seconds since the epoch. */
export function time(): number;
/** Writes the CPU and NUMA node (two u32) into 8 bytes; 0 or -errno. */
export function getcpu(out: ArrayBufferView): number;
/** CLOCK_MONOTONIC in ns, like process.hrtime.bigint(). */
export function hrtimeBigInt(): bigint;
/** [sec, nsec] of CLOCK_MONOTONIC, like process.hrtime(). */
export function hrtimeMono(): [number, number];
/** [sec, nsec] of any clock, or -errno. */
export function hrtime(clockid?: number): [number, number] | number;
/** Nanoseconds as an exact BigInt, or -errno as a Number. */
export function nowBigInt(clockid: number): bigint | number;
/** Milliseconds with the fraction, or -errno. */
export function nowMs(clockid: number): number;
/** A vDSO symbol's address (matching the version where the vDSO versions symbols), or 0. */
export function lookup(name: string, version?: string): number;
export function info(): {
  base: number; length: number;
  functions: Partial<Record<'clock_gettime' | 'gettimeofday' | 'clock_getres' | 'time' | 'getcpu', number>>;
  symbols: string[]; usingVdso: boolean;
};
/** true: every call goes through the system call (tests, tracing); false: back to the vDSO. */
export function useSyscall(on: boolean): void;
