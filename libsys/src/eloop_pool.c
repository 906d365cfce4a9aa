/* eloop: the process-wide pool of pthreads that runs blocking system calls.
 * Everything here except eloop__pool_forget() may run off the loop thread and
 * makes no napi_* call. Workers touch only the pool, their job and the job's
 * done queue (eloop__complete). */
#define _GNU_SOURCE /* pthread_setname_np */
#include "eloop.h"
#include "syscall_arch.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sched.h>

/* Workers block in the kernel with little stack below them. */
#define STACK_SIZE (256 * 1024)

typedef struct {
  pthread_cond_t cond; /* its own, so the most recently idle worker is woken first */
  int waiting;         /* on the idle stack */
  pthread_t tid;
  eloop__env *env;   /* environment of the job it runs; compared, never dereferenced */
  uint64_t seq;      /* jobs taken so far */
  uint64_t kill_seq; /* the job that teardown wants interrupted */
} worker;

static struct {
  pthread_mutex_t lock;
  eloop__job *head, *tail; /* work queue */
  int size;                /* configured size, 0 until first read */
  int nthreads;
  int nidle;
  worker *spinner;         /* the worker lingering after a job, or NULL */
  int spin_us;             /* how long one may look (ELOOP_SPIN_US) */
  int sig;                 /* interrupt signal, 0 if none */
  int sig_tried;
  int ready;               /* all threads started (atomic) */
  worker workers[ELOOP_MAX_THREADS];
  /* Idle workers, most recent on top: it is the one likeliest to be still
   * on its CPU, and waking it is cheapest. */
  worker *idle[ELOOP_MAX_THREADS];
} pool = {.lock = PTHREAD_MUTEX_INITIALIZER};

/* An integer environment variable, clamped to lo..hi; `def` when it is unset
 * or not an integer. */
static int env_int(const char *name, int def, long lo, long hi) {
  const char *s = getenv(name);
  if (s == NULL || *s == 0) return def;
  char *end;
  errno = 0;
  long n = strtol(s, &end, 10);
  if (end == s || *end != 0) return def;
  if (n < lo) return (int)lo;
  if (n > hi || errno == ERANGE) return n < 0 ? (int)lo : (int)hi;
  return (int)n;
}

static int read_size(void) {
  return env_int("ELOOP_THREADPOOL_SIZE", ELOOP_DEFAULT_THREADS, 1, ELOOP_MAX_THREADS);
}

static int read_spin(void) {
  return env_int("ELOOP_SPIN_US", ELOOP_DEFAULT_SPIN_US, 0, ELOOP_MAX_SPIN_US);
}

int eloop__pool_size(void) {
  pthread_mutex_lock(&pool.lock);
  if (pool.size == 0) pool.size = read_size();
  int n = pool.size;
  pthread_mutex_unlock(&pool.lock);
  return n;
}

int eloop__pool_threads(void) {
  pthread_mutex_lock(&pool.lock);
  int n = pool.nthreads;
  pthread_mutex_unlock(&pool.lock);
  return n;
}

/* A handler that does nothing, installed without SA_RESTART: delivering the
 * signal to a worker makes its blocking system call return -EINTR. */
static void on_interrupt(int sig) { (void)sig; }

static int handler_is_ours(int sig) {
  struct sigaction cur;
  return sigaction(sig, NULL, &cur) == 0 && !(cur.sa_flags & SA_SIGINFO) &&
         cur.sa_handler == on_interrupt;
}

/* The highest real-time signal that nobody handles. Node and libuv leave
 * real-time signals alone; glibc keeps its own below SIGRTMIN. */
static int pick_signal(void) {
  for (int s = SIGRTMAX; s >= SIGRTMIN; s--) {
    struct sigaction cur, sa;
    if (sigaction(s, NULL, &cur) != 0) continue;
    if ((cur.sa_flags & SA_SIGINFO) || cur.sa_handler != SIG_DFL) continue;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_interrupt;
    sigfillset(&sa.sa_mask);
    if (sigaction(s, &sa, NULL) == 0) return s;
  }
  return 0;
}

static void unlink_job(eloop__job *j) {
  if (j->prev) j->prev->next = j->next; else pool.head = j->next;
  if (j->next) j->next->prev = j->prev; else pool.tail = j->prev;
  j->next = j->prev = NULL;
}

/* After a job, at most one worker watches the queue for a short while
 * (ELOOP_SPIN_US, default 50 us, 0 for never) before it sleeps. In a chain
 * of jobs (a read stream: each read submitted by the previous one's
 * callback) the next job is then taken at once, instead of waking a thread
 * whose vCPU went idle meanwhile: measured on this 2-vCPU VM, a chain of
 * 64 KiB reads takes ~80 us per read without it and ~25-30 us with it
 * (Node's pool: ~30-40 us). An idle pool never spins. Called and returns
 * with the lock held. */
static void linger(worker *w) {
  if (pool.spin_us == 0 || pool.spinner != NULL || pool.head != NULL) return;
  __atomic_store_n(&pool.spinner, w, __ATOMIC_RELAXED);
  pthread_mutex_unlock(&pool.lock);
  struct timespec t0, t;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  int64_t limit = (int64_t)pool.spin_us * 1000;
  for (unsigned i = 1;; i++) {
    /* A submit that counted on this worker has cleared pool.spinner. */
    if (__atomic_load_n(&pool.spinner, __ATOMIC_RELAXED) != w) break;
#if defined(__x86_64__)
    __builtin_ia32_pause();
#endif
    if ((i & 63) == 0) {
      sched_yield();
      clock_gettime(CLOCK_MONOTONIC, &t);
      if ((t.tv_sec - t0.tv_sec) * 1000000000LL + (t.tv_nsec - t0.tv_nsec) > limit) break;
    }
  }
  pthread_mutex_lock(&pool.lock);
  if (pool.spinner == w) __atomic_store_n(&pool.spinner, NULL, __ATOMIC_RELAXED);
}

static int64_t run(eloop__job *j) {
  return sys_raw6(j->nr, j->a[0], j->a[1], j->a[2], j->a[3], j->a[4], j->a[5]);
}

/* Worker thread. All signals but the interrupt are blocked here, so a signal
 * meant for the process never cuts a job short. */
static void *worker_main(void *arg) {
  worker *w = arg;
  pthread_mutex_lock(&pool.lock);
  for (;;) {
    while (pool.head == NULL) {
      w->waiting = 1;
      pool.idle[pool.nidle++] = w;
      do pthread_cond_wait(&w->cond, &pool.lock); while (w->waiting);
    }
    eloop__job *j = pool.head;
    unlink_job(j);
    __atomic_store_n(&j->state, ELOOP_RUNNING, __ATOMIC_RELAXED);
    uint64_t seq = ++w->seq;
    w->env = j->env;
    pthread_mutex_unlock(&pool.lock);

    int64_t r = run(j);
    /* -EINTR from a stop/continue or from an interrupt that arrived late
     * (meant for this thread's previous job) is retried; only teardown's
     * interrupt of this very job ends it. */
    while (r == -EINTR) {
      pthread_mutex_lock(&pool.lock);
      int stop = w->kill_seq == seq;
      pthread_mutex_unlock(&pool.lock);
      if (stop) break;
      r = run(j);
    }
    j->result = r;
    eloop__complete(j); /* j and its env are not ours after this */

    pthread_mutex_lock(&pool.lock);
    w->env = NULL;
    linger(w);
  }
  return NULL;
}

/* Starts the missing threads; pool lock held. Returns 0 or an errno. */
static int start_locked(void) {
  if (pool.size == 0) pool.size = read_size();
  if (pool.nthreads == 0) pool.spin_us = read_spin();
  if (!pool.sig_tried) {
    pool.sig_tried = 1;
    pool.sig = pick_signal();
  }
  pthread_attr_t attr;
  int err = pthread_attr_init(&attr);
  if (err) return err;
  pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
  pthread_attr_setstacksize(&attr, STACK_SIZE);
  sigset_t block, old;
  sigfillset(&block);
  if (pool.sig) sigdelset(&block, pool.sig);
  pthread_sigmask(SIG_SETMASK, &block, &old); /* inherited by the new threads */
  while (pool.nthreads < pool.size) {
    worker *w = &pool.workers[pool.nthreads];
    memset(w, 0, sizeof *w);
    if ((err = pthread_cond_init(&w->cond, NULL)) != 0) break;
    err = pthread_create(&w->tid, &attr, worker_main, w);
    if (err) {
      pthread_cond_destroy(&w->cond);
      break;
    }
    pthread_setname_np(w->tid, "eloop"); /* named before anyone can look */
    pool.nthreads++;
  }
  pthread_sigmask(SIG_SETMASK, &old, NULL);
  pthread_attr_destroy(&attr);
  return err;
}

/* Starts the pool on first use. It starts whole or not at all from the
 * caller's view: on failure the threads that did start stay, and the next
 * call tries to start the rest. */
int eloop__pool_start(void) {
  if (__atomic_load_n(&pool.ready, __ATOMIC_ACQUIRE)) return 0;
  pthread_mutex_lock(&pool.lock);
  int err = pool.size == 0 || pool.nthreads < pool.size ? start_locked() : 0;
  if (!err) __atomic_store_n(&pool.ready, 1, __ATOMIC_RELEASE);
  pthread_mutex_unlock(&pool.lock);
  return err;
}

/* Queues a doubly linked list of n jobs; the pool must be started. */
void eloop__pool_submit(eloop__job *head, eloop__job *tail, uint32_t n) {
  worker *wake[ELOOP_HOLD_MAX];
  uint32_t nwake = 0;
  pthread_mutex_lock(&pool.lock);
  for (eloop__job *j = head; j != NULL; j = j->next)
    __atomic_store_n(&j->state, ELOOP_QUEUED, __ATOMIC_RELAXED);
  head->prev = pool.tail;
  if (pool.tail) pool.tail->next = head; else pool.head = head;
  pool.tail = tail;
  /* A lingering worker takes one job without being woken: it is told so by
   * pool.spinner going NULL, and the other jobs wake others. */
  if (pool.spinner != NULL && n > 0) {
    __atomic_store_n(&pool.spinner, NULL, __ATOMIC_RELAXED);
    n--;
  }
  while (nwake < n && nwake < ELOOP_HOLD_MAX && pool.nidle > 0) {
    worker *w = pool.idle[--pool.nidle];
    w->waiting = 0;
    wake[nwake++] = w;
  }
  pthread_mutex_unlock(&pool.lock);
  /* Signalled after unlocking so a woken thread does not block on the mutex
   * at once; each rechecks the queue under the lock anyway. */
  for (uint32_t i = 0; i < nwake; i++) pthread_cond_signal(&wake[i]->cond);
}

int eloop__pool_cancel(eloop__job *j) {
  pthread_mutex_lock(&pool.lock);
  int queued = __atomic_load_n(&j->state, __ATOMIC_RELAXED) == ELOOP_QUEUED;
  if (queued) {
    unlink_job(j);
    __atomic_store_n(&j->state, ELOOP_RUNNING, __ATOMIC_RELAXED);
    j->result = -ECANCELED;
  }
  pthread_mutex_unlock(&pool.lock);
  if (queued) eloop__complete(j);
  return queued;
}

static void interrupt_locked(eloop__env *e) {
  int sig = pool.sig && handler_is_ours(pool.sig) ? pool.sig : 0;
  for (int i = 0; i < pool.nthreads; i++) {
    worker *w = &pool.workers[i];
    if (w->env != e) continue;
    w->kill_seq = w->seq;
    if (sig) pthread_kill(w->tid, sig);
  }
}

/* Loop thread, at environment teardown: queued jobs of `e` are dropped (their
 * completions would have nowhere to go), running ones are interrupted. Called
 * again until `e` has no running job, because an interrupt that lands just
 * before a thread enters its system call is lost. */
void eloop__pool_forget(eloop__env *e) {
  uint32_t dropped = 0;
  pthread_mutex_lock(&pool.lock);
  for (eloop__job *j = pool.head, *next; j; j = next) {
    next = j->next;
    if (j->env != e) continue;
    unlink_job(j);
    __atomic_store_n(&j->state, ELOOP_DONE, __ATOMIC_RELAXED);
    free(j->strings);
    j->strings = NULL;
    dropped++;
  }
  if (dropped) __atomic_sub_fetch(&e->active, dropped, __ATOMIC_RELEASE);
  interrupt_locked(e);
  pthread_mutex_unlock(&pool.lock);
}
