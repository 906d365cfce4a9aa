/* libsys: the raw system call, the only inline assembly in the project.
 * Returns the kernel's value: -errno in [-4095, -1] on failure. */
#ifndef SYSCALL_ARCH_H
#define SYSCALL_ARCH_H

#include <stdint.h>

#if defined(__x86_64__)

#define SYS_RAW_ASM 1

static inline int64_t sys_raw6(int64_t n, int64_t a1, int64_t a2, int64_t a3,
                               int64_t a4, int64_t a5, int64_t a6) {
  int64_t ret;
  /* The kernel takes the fourth argument in r10 (rcx is clobbered by the
   * syscall instruction, which saves rip there; r11 receives rflags). */
  register int64_t r10 __asm__("r10") = a4;
  register int64_t r8 __asm__("r8") = a5;
  register int64_t r9 __asm__("r9") = a6;
  __asm__ __volatile__("syscall"
                       : "=a"(ret)
                       : "a"(n), "D"(a1), "S"(a2), "d"(a3), "r"(r10), "r"(r8),
                         "r"(r9)
                       : "rcx", "r11", "memory");
  return ret;
}

static inline int64_t sys_raw0(int64_t n) {
  int64_t ret;
  __asm__ __volatile__("syscall" : "=a"(ret) : "a"(n) : "rcx", "r11", "memory");
  return ret;
}

static inline int64_t sys_raw3(int64_t n, int64_t a1, int64_t a2, int64_t a3) {
  int64_t ret;
  __asm__ __volatile__("syscall"
                       : "=a"(ret)
                       : "a"(n), "D"(a1), "S"(a2), "d"(a3)
                       : "rcx", "r11", "memory");
  return ret;
}

#else

#include <errno.h>
#include <unistd.h>
#include <sys/syscall.h>

#define SYS_RAW_ASM 0

/* libc's syscall(2) reports failure as -1 and errno; turn it back into the
 * kernel's convention. */
static inline int64_t sys_raw6(int64_t n, int64_t a1, int64_t a2, int64_t a3,
                               int64_t a4, int64_t a5, int64_t a6) {
  long r = syscall((long)n, a1, a2, a3, a4, a5, a6);
  return r == -1 ? -(int64_t)errno : (int64_t)r;
}

static inline int64_t sys_raw0(int64_t n) { return sys_raw6(n, 0, 0, 0, 0, 0, 0); }

static inline int64_t sys_raw3(int64_t n, int64_t a1, int64_t a2, int64_t a3) {
  return sys_raw6(n, a1, a2, a3, 0, 0, 0);
}

#endif

#endif
