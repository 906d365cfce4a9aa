// libsys: types for the Node-API call gate.

/** A value libsys can pass to the kernel as one 64-bit machine word. */
export type SyscallArg =
  | number            // an integer in [-2**63, 2**64): as a 64-bit value
  | bigint            // two's complement in [-(2n**63n), 2n**64n)
  | boolean           // false 0, true 1
  | null | undefined  // 0
  | string            // a temporary NUL-terminated UTF-8 copy, alive for the call
  | ArrayBuffer | SharedArrayBuffer // the address of its data
  | ArrayBufferView;  // the address of its first byte (byteOffset included)

/** Make a system call. Returns the kernel's result, `-errno` on failure; never throws for a kernel error. */
export function syscall(nr: number, ...args: SyscallArg[]): number;
/** The same, the result as a BigInt exact to 64 bits. */
export function syscall64(nr: number, ...args: SyscallArg[]): bigint;

/**
 * The register file of this environment (each Worker has its own): `[nr, a1..a6, pos]`
 * as a Float64Array over a SharedArrayBuffer, which nothing can detach. Absent where
 * the context has no SharedArrayBuffer.
 */
export const regs: Float64Array | undefined;
/**
 * The system call `regs` describe: regs[0] the number, regs[1..6] the arguments
 * (integer Numbers, as syscall() takes them). `value`, if given (marshalled as syscall()
 * marshals an argument), is added to argument regs[7]: a string's copy, or a buffer's
 * address plus the byte offset held in that register. Result as syscall().
 */
export function syscallRegs(value?: SyscallArg): number;

/** The address of the first byte of a buffer or view. The buffer does not move while it is alive. */
export function addressOf(buffer: ArrayBuffer | SharedArrayBuffer | ArrayBufferView): bigint;
/** An ArrayBuffer over existing memory (no copy, no ownership). Keep the memory mapped while it is used. */
export function view(address: bigint | number, length: bigint | number): ArrayBuffer;

/** Call native code at `address` (libffi) with up to 8 integer/pointer arguments; int64 result as a Number. */
export function call(address: SyscallArg, ...args: SyscallArg[]): number;
/** The same, the result as a BigInt. */
export function call64(address: SyscallArg, ...args: SyscallArg[]): bigint;
/**
 * A call handle for one address: takes nargs - bound.length arguments (marshalled
 * as call()'s), then passes the bound ones (marshalled once; bound buffers are
 * kept referenced by the handle; bound strings are a TypeError). No libffi on the
 * call path. Result as call().
 */
export function prepare(address: number | bigint, nargs: number, bound?: SyscallArg[]): (...args: SyscallArg[]) => number;

/** sizeof of the kernel structs libjs decodes, as the C compiler sees them. */
export const sizeof: Readonly<Record<string, number>>;
/** offsetof of each member: offsetof.stat.st_size. */
export const offsetof: Readonly<Record<string, Readonly<Record<string, number>>>>;
/** sizeof of each member: membersize.stat.st_size (0 for a flexible array member). */
export const membersize: Readonly<Record<string, Readonly<Record<string, number>>>>;

/** An fd watched by Node's own loop (a uv_poll_t). */
export interface PollHandle { readonly __brand: 'PollHandle' }
/** Watch `fd` for readability (1) and/or writability (2); the callback gets the ready events or a negative errno.
 * `after`, if given, runs once the callback's process.nextTick callbacks and microtasks have run. */
export function pollOpen(fd: number, events: 0 | 1 | 2 | 3, callback: (events: number) => void,
  after?: () => void): PollHandle;
export function pollSet(handle: PollHandle, events: 0 | 1 | 2 | 3): void;
/** Whether the handle keeps the process alive (default true). */
export function pollRef(handle: PollHandle, on: boolean): void;
export function pollClose(handle: PollHandle): void;
/** From inside the handle's callback: enter it once more, in a new callback scope, once this
 * entry's ticks and microtasks have run (eloop delivers one completion per entry). */
export function pollAgain(handle: PollHandle): void;
/** true on the main thread (Node's default loop), false in a Worker. */
export const isMainThread: boolean;

/** Record `fd` as owned by this environment: closed when the environment (a Worker, say) is torn down. */
export function fdTrack(fd: number): void;
/** Forget `fd` (call it before closing the fd yourself). */
export function fdUntrack(fd: number): void;

/** 1 where syscall() uses inline assembly (x86-64), 0 where it uses libc's syscall(2). */
export const rawAsm: 0 | 1;

/** Bench-only C baselines, timed inside the same process: each returns ns per operation
 * (statOnce and noop excepted: JavaScript times them, one call per operation). */
export const bench: {
  getpid(iterations: number): number;
  read(fd: number, length: number, iterations: number): number;
  fstat(fd: number, iterations: number): number;
  /** statx(fd, NULL, AT_EMPTY_PATH, BASIC_STATS | BTIME, buf) */
  fstatx(fd: number, iterations: number): number;
  /** statx(AT_FDCWD, path, flags, BASIC_STATS | BTIME, buf) */
  statx(path: string, flags: number, iterations: number): number;
  /** pread64(fd, buf, length, 0) */
  pread(fd: number, length: number, iterations: number): number;
  /** ns per listing: openat(O_DIRECTORY), getdents64 until 0 (256 KiB buffer), close */
  listdir(path: string, iterations: number): number;
  clock_gettime(clock: number, iterations: number): number;
  /** One stat(path) (newfstatat on aarch64) into a stack buffer; its result (0 or -errno).
   * The least a Node-API function does per stat by path. */
  statOnce(path: string): number;
  noop(): void;
};
