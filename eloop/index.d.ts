// eloop: blocking system calls on a pthread pool, completed through an eventfd.

/** One system call argument, marshalled as libsys.syscall marshals it. */
export type Arg =
  | number
  | bigint
  | boolean
  | null
  | undefined
  | string
  | ArrayBuffer
  | SharedArrayBuffer
  | ArrayBufferView;

/** Gets the kernel's result: a non-negative value, or -errno on failure. */
export type Callback = (result: number) => void;

/** A job id, for cancel(). */
export type JobId = number;

/**
 * Runs `nr(...args)` on a pool thread and calls `callback(result)` from the
 * loop. Up to six arguments. Every object argument stays referenced until the
 * callback has returned; strings are copied. Throws TypeError for bad
 * arguments, and an Error (code EAGAIN, syscall 'pthread_create') when the
 * pool cannot start its threads.
 */
export function submit(nr: number, callback: Callback): JobId;
export function submit(nr: number, a1: Arg, callback: Callback): JobId;
export function submit(nr: number, a1: Arg, a2: Arg, callback: Callback): JobId;
export function submit(nr: number, a1: Arg, a2: Arg, a3: Arg, callback: Callback): JobId;
export function submit(nr: number, a1: Arg, a2: Arg, a3: Arg, a4: Arg, callback: Callback): JobId;
export function submit(nr: number, a1: Arg, a2: Arg, a3: Arg, a4: Arg, a5: Arg, callback: Callback): JobId;
export function submit(nr: number, a1: Arg, a2: Arg, a3: Arg, a4: Arg, a5: Arg, a6: Arg, callback: Callback): JobId;

/** submit() as a promise of the result; rejects only for bad arguments. */
export function promise(nr: number, ...args: Arg[]): Promise<number>;
/** Same as promise(). */
export function submitAsync(nr: number, ...args: Arg[]): Promise<number>;

/**
 * Cancels a job that has not started: its callback gets -ECANCELED (later,
 * from the loop) and cancel returns true. A running or finished job is not
 * affected and cancel returns false.
 */
export function cancel(id: JobId): boolean;

/**
 * Delivers one batch of completions (runs their callbacks); returns how many.
 * For a loop that watches fd() itself after attach().
 */
export function drain(): number;

/** fn() runs after each delivery of completions, once the ticks and microtasks
 * its callbacks queued have run. */
export function onAfterBatch(fn: () => void): void;
/** For a loop that drains eloop: call after its pass and that pass's ticks. */
export function afterBatch(): void;

/**
 * Hands delivery to another loop: it watches the returned eventfd and calls
 * drain() when it is readable. onRef(true) when eloop has pending jobs,
 * onRef(false) when it has none, for the loop's keep-alive accounting.
 */
export function attach(onRef: (on: boolean) => void): number;

/** eloop watches its eventfd in Node's loop itself again. */
export function detach(): void;

/** This environment's completion eventfd (created on first use). */
export function fd(): number;

/** Jobs submitted and not yet delivered, in this environment. */
export function pending(): number;

/** Threads in the process-wide pool (ELOOP_THREADPOOL_SIZE, default 4, 1..1024). */
export function poolSize(): number;

/** ECANCELED (125): a cancelled job's result is -ECANCELED. */
export const ECANCELED: number;

/** Most completions drain() delivers at once. */
export const BATCH: number;
