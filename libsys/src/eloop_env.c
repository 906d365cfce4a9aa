/* eloop: per-environment state: the completion eventfd and done queue, the
 * job arena, and what happens when the environment is torn down. */
#include "eloop.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <time.h>
#include <unistd.h>

int eloop__env_fd(eloop__env *e) {
  if (e->efd < 0) {
    int fd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (fd < 0) return -errno;
    e->efd = fd;
  }
  return e->efd;
}

static void wake(int fd) {
  static const uint64_t one = 1;
  (void)!write(fd, &one, sizeof one);
}

/* Any thread. No system call is made under the lock (the loop thread and the
 * other workers would queue up behind it). Decrementing `active` is the last
 * touch of `e`: teardown frees it once `active` is 0. */
void eloop__complete(eloop__job *j) {
  eloop__env *e = j->env;
  int fd = e->efd;
  j->next = NULL;
  pthread_mutex_lock(&e->lock);
  __atomic_store_n(&j->state, ELOOP_DONE, __ATOMIC_RELAXED);
  if (e->done_tail) e->done_tail->next = j; else e->done_head = j;
  e->done_tail = j;
  int need = !e->wake;
  e->wake = 1;
  pthread_mutex_unlock(&e->lock);
  if (need) wake(fd);
  __atomic_sub_fetch(&e->active, 1, __ATOMIC_RELEASE);
}

void eloop__kick(eloop__env *e) {
  if (e->efd >= 0) wake(e->efd);
}

/* Loop thread. Frees the jobs of the previous batch (JavaScript has consumed
 * them by now), then moves up to ELOOP_BATCH completions into `results`.
 * One batch per wake-up: jobs that callbacks submit complete in a later
 * turn, so a chain of fast jobs cannot starve timers or other fds. */
uint32_t eloop__drain(eloop__env *e) {
  for (uint32_t i = 0; i < e->nbatch; i++) eloop__job_free(e, e->batch[i]);
  e->nbatch = 0;
  if (e->efd < 0) return 0;
  /* Read before taking the queue: a completion pushed after the take finds
   * `wake` clear and writes again, so none is left without a wake-up. A
   * write that lands after this read for a job taken now costs one empty
   * wake-up, never a lost one. */
  uint64_t v;
  (void)!read(e->efd, &v, sizeof v);
  pthread_mutex_lock(&e->lock);
  eloop__job *j = e->done_head;
  uint32_t n = 0;
  while (j != NULL && n < ELOOP_BATCH) {
    e->batch[n++] = j;
    j = j->next;
  }
  e->done_head = j;
  int more = j != NULL;
  if (!more) {
    e->done_tail = NULL;
    e->wake = 0;
  }
  pthread_mutex_unlock(&e->lock);
  /* Left for a later turn, after the loop's other work; keep it readable. */
  if (more) wake(e->efd);
  for (uint32_t i = 0; i < n; i++) {
    eloop__job *d = e->batch[i];
    e->results[2 * i] = d->slot;
    e->results[2 * i + 1] = (double)d->result;
    free(d->strings);
    d->strings = NULL;
  }
  e->nbatch = n;
  e->defer = n > 0;
  return n;
}

void eloop__submit(eloop__env *e, eloop__job *j) {
  j->next = NULL;
  if (!e->defer) {
    j->prev = NULL;
    eloop__pool_submit(j, j, 1);
    return;
  }
  __atomic_store_n(&j->state, ELOOP_HELD, __ATOMIC_RELAXED);
  j->prev = e->held_tail;
  if (e->held_tail) e->held_tail->next = j; else e->held_head = j;
  e->held_tail = j;
  if (++e->nheld >= ELOOP_HOLD_MAX) {
    eloop__pool_submit(e->held_head, e->held_tail, e->nheld);
    e->held_head = e->held_tail = NULL;
    e->nheld = 0;
  }
}

/* End of a batch: held jobs go to the pool, later ones straight there. */
void eloop__flush(eloop__env *e) {
  e->defer = 0;
  if (e->nheld == 0) return;
  eloop__pool_submit(e->held_head, e->held_tail, e->nheld);
  e->held_head = e->held_tail = NULL;
  e->nheld = 0;
}

static void unhold(eloop__env *e, eloop__job *j) {
  if (j->prev) j->prev->next = j->next; else e->held_head = j->next;
  if (j->next) j->next->prev = j->prev; else e->held_tail = j->prev;
  j->next = j->prev = NULL;
  e->nheld--;
}

/* 1 if the job had not started and now completes with -ECANCELED. */
int eloop__cancel(eloop__env *e, eloop__job *j) {
  int state = __atomic_load_n(&j->state, __ATOMIC_RELAXED);
  if (state == ELOOP_QUEUED) return eloop__pool_cancel(j);
  if (state != ELOOP_HELD) return 0;
  unhold(e, j);
  j->result = -ECANCELED;
  eloop__complete(j);
  return 1;
}

/* The arena: chunks that never move (workers hold pointers into them), a
 * LIFO free list, and slot numbers that JavaScript uses as table indices. */
eloop__job *eloop__job_alloc(eloop__env *e) {
  if (e->free_list == NULL) {
    if (e->nslots >= ELOOP_MAX_SLOTS) return NULL;
    eloop__job **chunks = realloc(e->chunks, (e->nchunks + 1) * sizeof *chunks);
    if (chunks == NULL) return NULL;
    e->chunks = chunks;
    eloop__job *c = calloc(ELOOP_CHUNK, sizeof *c);
    if (c == NULL) return NULL;
    chunks[e->nchunks++] = c;
    for (int i = ELOOP_CHUNK - 1; i >= 0; i--) {
      c[i].env = e;
      c[i].slot = e->nslots + (uint32_t)i;
      c[i].next = e->free_list;
      e->free_list = &c[i];
    }
    e->nslots += ELOOP_CHUNK;
  }
  eloop__job *j = e->free_list;
  e->free_list = j->next;
  j->next = j->prev = NULL;
  return j;
}

void eloop__job_free(eloop__env *e, eloop__job *j) {
  __atomic_store_n(&j->state, ELOOP_FREE, __ATOMIC_RELAXED);
  j->next = e->free_list;
  e->free_list = j;
}

eloop__job *eloop__job_at(eloop__env *e, uint32_t slot) {
  if (slot >= e->nslots) return NULL;
  return &e->chunks[slot / ELOOP_CHUNK][slot % ELOOP_CHUNK];
}

/* ---- teardown ---------------------------------------------------------- */

static int quiet(eloop__env *e) {
  return __atomic_load_n(&e->active, __ATOMIC_ACQUIRE) == 0;
}

static void finish(eloop__env *e) {
  napi_async_cleanup_hook_handle hook = e->hook;
  if (e->efd >= 0) close(e->efd);
  for (uint32_t c = 0; c < e->nchunks; c++) {
    for (int i = 0; i < ELOOP_CHUNK; i++) free(e->chunks[c][i].strings);
    free(e->chunks[c]);
  }
  free(e->chunks);
  pthread_mutex_destroy(&e->lock);
  free(e);
  /* Tells Node this environment's eloop is gone; its heap may go now. */
  napi_remove_async_cleanup_hook(hook);
}

static void on_timer_closed(uv_handle_t *h) { finish(h->data); }

static void on_tick(uv_timer_t *t) {
  eloop__env *e = t->data;
  if (quiet(e)) {
    uv_timer_stop(t);
    uv_close((uv_handle_t *)t, on_timer_closed);
    return;
  }
  eloop__pool_forget(e);
}

/* The environment is going away (a worker thread ends, or the main thread
 * exits its loop normally). Queued jobs are dropped and running ones
 * interrupted; until the last running one has returned from the kernel, the
 * environment, and with it every buffer the kernel may write into, is kept
 * alive by not removing this hook. Nothing is delivered to JavaScript. */
static void on_teardown(napi_async_cleanup_hook_handle h, void *arg) {
  (void)h;
  eloop__env *e = arg;
  uint32_t held = e->nheld;
  while (e->held_head != NULL) {
    eloop__job *j = e->held_head;
    unhold(e, j);
    free(j->strings);
    j->strings = NULL;
  }
  if (held) __atomic_sub_fetch(&e->active, held, __ATOMIC_RELEASE);
  eloop__pool_forget(e);
  if (quiet(e)) {
    finish(e);
    return;
  }
  uv_loop_t *loop = NULL;
  if (napi_get_uv_event_loop(e->env, &loop) != napi_ok || loop == NULL ||
      uv_timer_init(loop, &e->timer) != 0) {
    /* No loop to wait on: wait here, on a thread that is ending anyway. */
    static const struct timespec ms = {0, 1000000};
    while (!quiet(e)) {
      nanosleep(&ms, NULL);
      eloop__pool_forget(e);
    }
    finish(e);
    return;
  }
  e->timer.data = e;
  uv_timer_start(&e->timer, on_tick, 1, 1);
}

eloop__env *eloop__env_new(napi_env env) {
  eloop__env *e = calloc(1, sizeof *e);
  if (e == NULL) return NULL;
  e->env = env;
  e->efd = -1;
  if (pthread_mutex_init(&e->lock, NULL) != 0) {
    free(e);
    return NULL;
  }
  if (napi_add_async_cleanup_hook(env, on_teardown, e, &e->hook) != napi_ok) {
    pthread_mutex_destroy(&e->lock);
    free(e);
    return NULL;
  }
  return e;
}
