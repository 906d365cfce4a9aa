/* eloop: internal header for the worker pool (one per process) and its
 * per-environment completion state (one per Node environment). */
#ifndef ELOOP_H
#define ELOOP_H

#include "sys.h"

#include <pthread.h>
#include <stdint.h>
#include <uv.h>

#define ELOOP_DEFAULT_THREADS 4
#define ELOOP_MAX_THREADS 1024
#define ELOOP_DEFAULT_SPIN_US 50 /* a worker's look at the queue after a job */
#define ELOOP_MAX_SPIN_US 10000
#define ELOOP_BATCH 1024        /* completions handed to JavaScript per drain() */
#define ELOOP_CHUNK 256         /* jobs per arena chunk */
#define ELOOP_MAX_SLOTS (1u << 22)
#define ELOOP_HOLD_MAX 64      /* jobs held back during a batch before they go out anyway */

enum { ELOOP_FREE, ELOOP_HELD, ELOOP_QUEUED, ELOOP_RUNNING, ELOOP_DONE };

typedef struct eloop__env eloop__env;
typedef struct eloop__job eloop__job;

/* A job lives in its environment's arena from submit() until the drain()
 * after the one that delivered it, so a worker never sees it freed. */
struct eloop__job {
  eloop__job *next, *prev; /* held list, work queue (pool lock), done queue (env lock) or free list */
  eloop__env *env;
  int64_t nr;
  int64_t a[SYS_MAX_ARGS];
  int64_t result;
  char *strings;           /* the job's own copies of its string arguments */
  uint32_t slot;
  int state;               /* ELOOP_* (atomic); QUEUED<->RUNNING under the pool lock */
};

struct eloop__env {
  napi_env env;
  int efd;                 /* completion eventfd, -1 until first needed */
  /* Done queue. `wake` is set from the first push until drain() takes the
   * queue empty; only the push that sets it writes the eventfd. */
  pthread_mutex_t lock;
  eloop__job *done_head, *done_tail;
  int wake;
  /* Jobs queued or running whose completion is not yet pushed (atomic).
   * A worker's last touch of the environment is the decrement; teardown
   * waits for 0. */
  uint32_t active;
  /* Loop thread only. */
  eloop__job **chunks;
  uint32_t nchunks, nslots;
  eloop__job *free_list;
  /* While callbacks of a batch run, their submissions are held here and go
   * to the pool in one splice when the batch ends: one lock and at most one
   * wake-up per idle worker instead of one per job. */
  int defer;
  eloop__job *held_head, *held_tail;
  uint32_t nheld;
  eloop__job *batch[ELOOP_BATCH]; /* delivered by the last drain(), freed by the next */
  uint32_t nbatch;
  napi_async_cleanup_hook_handle hook;
  uv_timer_t timer;
  double results[2 * ELOOP_BATCH]; /* slot, result pairs; a Float64Array over it */
};

/* eloop_pool.c */
int eloop__pool_size(void);
int eloop__pool_threads(void);
int eloop__pool_start(void);                 /* 0, or a positive errno */
void eloop__pool_submit(eloop__job *head, eloop__job *tail, uint32_t n);
int eloop__pool_cancel(eloop__job *j);       /* 1 if it was queued and is now cancelled */
void eloop__pool_forget(eloop__env *e);      /* drop e's queued jobs, interrupt its running ones */

/* eloop_env.c */
void eloop__complete(eloop__job *j);         /* worker threads: no napi_* */
int eloop__env_fd(eloop__env *e);            /* the eventfd, created on first use; -errno */
eloop__job *eloop__job_alloc(eloop__env *e);
void eloop__job_free(eloop__env *e, eloop__job *j);
eloop__job *eloop__job_at(eloop__env *e, uint32_t slot);
uint32_t eloop__drain(eloop__env *e);
void eloop__submit(eloop__env *e, eloop__job *j);
void eloop__flush(eloop__env *e);
int eloop__cancel(eloop__env *e, eloop__job *j);
void eloop__kick(eloop__env *e);
eloop__env *eloop__env_new(napi_env env);

#endif
