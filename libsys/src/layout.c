/* libsys: sizeof/offsetof of the kernel structs that libjs decodes, as the
 * C compiler sees them, so that tests can check the JavaScript codecs. */
#define _GNU_SOURCE
#include "sys.h"

#include <dirent.h>
#include <linux/netlink.h>
#include <linux/openat2.h>
#include <linux/rtnetlink.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/inotify.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/sysinfo.h>
#include <sys/time.h>
#include <sys/uio.h>
#include <sys/un.h>
#include <sys/utsname.h>
#include <time.h>

typedef struct {
  const char *name;
  size_t off, size;
} field;

typedef struct {
  const char *name;
  size_t size;
  const field *fields;
  size_t nfields;
} layout;

#define F(T, m) {#m, offsetof(T, m), sizeof(((T *)0)->m)}
/* A flexible array member has no size of its own. */
#define FX(T, m) {#m, offsetof(T, m), 0}
#define L(name, T, arr) {name, sizeof(T), arr, sizeof(arr) / sizeof(arr[0])}

static const field f_timespec[] = {F(struct timespec, tv_sec), F(struct timespec, tv_nsec)};
static const field f_timeval[] = {F(struct timeval, tv_sec), F(struct timeval, tv_usec)};
static const field f_itimerspec[] = {F(struct itimerspec, it_interval),
                                     F(struct itimerspec, it_value)};
static const field f_stat[] = {
    F(struct stat, st_dev),   F(struct stat, st_ino),     F(struct stat, st_mode),
    F(struct stat, st_nlink), F(struct stat, st_uid),     F(struct stat, st_gid),
    F(struct stat, st_rdev),  F(struct stat, st_size),    F(struct stat, st_blksize),
    F(struct stat, st_blocks), F(struct stat, st_atim),   F(struct stat, st_mtim),
    F(struct stat, st_ctim)};
static const field f_statx_timestamp[] = {F(struct statx_timestamp, tv_sec),
                                          F(struct statx_timestamp, tv_nsec)};
static const field f_statx[] = {
    F(struct statx, stx_mask),       F(struct statx, stx_blksize),
    F(struct statx, stx_attributes), F(struct statx, stx_nlink),
    F(struct statx, stx_uid),        F(struct statx, stx_gid),
    F(struct statx, stx_mode),       F(struct statx, stx_ino),
    F(struct statx, stx_size),       F(struct statx, stx_blocks),
    F(struct statx, stx_attributes_mask), F(struct statx, stx_atime),
    F(struct statx, stx_btime),      F(struct statx, stx_ctime),
    F(struct statx, stx_mtime),      F(struct statx, stx_rdev_major),
    F(struct statx, stx_rdev_minor), F(struct statx, stx_dev_major),
    F(struct statx, stx_dev_minor),  F(struct statx, stx_mnt_id),
    F(struct statx, stx_dio_mem_align), F(struct statx, stx_dio_offset_align)};
static const field f_statfs[] = {
    F(struct statfs, f_type),  F(struct statfs, f_bsize),   F(struct statfs, f_blocks),
    F(struct statfs, f_bfree), F(struct statfs, f_bavail),  F(struct statfs, f_files),
    F(struct statfs, f_ffree), F(struct statfs, f_fsid),    F(struct statfs, f_namelen),
    F(struct statfs, f_frsize), F(struct statfs, f_flags)};
static const field f_sockaddr[] = {F(struct sockaddr, sa_family), F(struct sockaddr, sa_data)};
static const field f_sockaddr_in[] = {F(struct sockaddr_in, sin_family),
                                      F(struct sockaddr_in, sin_port),
                                      F(struct sockaddr_in, sin_addr)};
static const field f_sockaddr_in6[] = {
    F(struct sockaddr_in6, sin6_family), F(struct sockaddr_in6, sin6_port),
    F(struct sockaddr_in6, sin6_flowinfo), F(struct sockaddr_in6, sin6_addr),
    F(struct sockaddr_in6, sin6_scope_id)};
static const field f_sockaddr_un[] = {F(struct sockaddr_un, sun_family),
                                      F(struct sockaddr_un, sun_path)};
static const field f_sockaddr_storage[] = {F(struct sockaddr_storage, ss_family)};
static const field f_sockaddr_nl[] = {F(struct sockaddr_nl, nl_family),
                                      F(struct sockaddr_nl, nl_pid),
                                      F(struct sockaddr_nl, nl_groups)};
static const field f_epoll_event[] = {F(struct epoll_event, events),
                                      F(struct epoll_event, data)};
static const field f_dirent64[] = {F(struct dirent64, d_ino), F(struct dirent64, d_off),
                                   F(struct dirent64, d_reclen), F(struct dirent64, d_type),
                                   F(struct dirent64, d_name)};
static const field f_iovec[] = {F(struct iovec, iov_base), F(struct iovec, iov_len)};
static const field f_msghdr[] = {
    F(struct msghdr, msg_name),    F(struct msghdr, msg_namelen),
    F(struct msghdr, msg_iov),     F(struct msghdr, msg_iovlen),
    F(struct msghdr, msg_control), F(struct msghdr, msg_controllen),
    F(struct msghdr, msg_flags)};
static const field f_cmsghdr[] = {F(struct cmsghdr, cmsg_len), F(struct cmsghdr, cmsg_level),
                                  F(struct cmsghdr, cmsg_type)};
static const field f_utsname[] = {
    F(struct utsname, sysname), F(struct utsname, nodename), F(struct utsname, release),
    F(struct utsname, version), F(struct utsname, machine),
    F(struct utsname, domainname)};
static const field f_sysinfo[] = {
    F(struct sysinfo, uptime),   F(struct sysinfo, loads),    F(struct sysinfo, totalram),
    F(struct sysinfo, freeram),  F(struct sysinfo, sharedram), F(struct sysinfo, bufferram),
    F(struct sysinfo, totalswap), F(struct sysinfo, freeswap), F(struct sysinfo, procs),
    F(struct sysinfo, totalhigh), F(struct sysinfo, freehigh), F(struct sysinfo, mem_unit)};
static const field f_rlimit[] = {F(struct rlimit, rlim_cur), F(struct rlimit, rlim_max)};
static const field f_rusage[] = {
    F(struct rusage, ru_utime),  F(struct rusage, ru_stime),  F(struct rusage, ru_maxrss),
    F(struct rusage, ru_ixrss),  F(struct rusage, ru_idrss),  F(struct rusage, ru_isrss),
    F(struct rusage, ru_minflt), F(struct rusage, ru_majflt), F(struct rusage, ru_nswap),
    F(struct rusage, ru_inblock), F(struct rusage, ru_oublock), F(struct rusage, ru_msgsnd),
    F(struct rusage, ru_msgrcv), F(struct rusage, ru_nsignals), F(struct rusage, ru_nvcsw),
    F(struct rusage, ru_nivcsw)};
static const field f_pollfd[] = {F(struct pollfd, fd), F(struct pollfd, events),
                                 F(struct pollfd, revents)};
static const field f_signalfd_siginfo[] = {
    F(struct signalfd_siginfo, ssi_signo),  F(struct signalfd_siginfo, ssi_errno),
    F(struct signalfd_siginfo, ssi_code),   F(struct signalfd_siginfo, ssi_pid),
    F(struct signalfd_siginfo, ssi_uid),    F(struct signalfd_siginfo, ssi_fd),
    F(struct signalfd_siginfo, ssi_tid),    F(struct signalfd_siginfo, ssi_band),
    F(struct signalfd_siginfo, ssi_overrun), F(struct signalfd_siginfo, ssi_trapno),
    F(struct signalfd_siginfo, ssi_status), F(struct signalfd_siginfo, ssi_int),
    F(struct signalfd_siginfo, ssi_ptr),    F(struct signalfd_siginfo, ssi_utime),
    F(struct signalfd_siginfo, ssi_stime),  F(struct signalfd_siginfo, ssi_addr),
    F(struct signalfd_siginfo, ssi_addr_lsb), F(struct signalfd_siginfo, ssi_syscall),
    F(struct signalfd_siginfo, ssi_call_addr), F(struct signalfd_siginfo, ssi_arch)};
static const field f_inotify_event[] = {
    F(struct inotify_event, wd), F(struct inotify_event, mask),
    F(struct inotify_event, cookie), F(struct inotify_event, len),
    FX(struct inotify_event, name)};
static const field f_winsize[] = {F(struct winsize, ws_row), F(struct winsize, ws_col),
                                  F(struct winsize, ws_xpixel), F(struct winsize, ws_ypixel)};
static const field f_siginfo[] = {F(siginfo_t, si_signo), F(siginfo_t, si_errno),
                                  F(siginfo_t, si_code),  F(siginfo_t, si_pid),
                                  F(siginfo_t, si_uid),   F(siginfo_t, si_status),
                                  F(siginfo_t, si_utime), F(siginfo_t, si_stime)};
static const field f_ucred[] = {F(struct ucred, pid), F(struct ucred, uid), F(struct ucred, gid)};
static const field f_linger[] = {F(struct linger, l_onoff), F(struct linger, l_linger)};
static const field f_ip_mreq[] = {F(struct ip_mreq, imr_multiaddr),
                                  F(struct ip_mreq, imr_interface)};
static const field f_ip_mreqn[] = {F(struct ip_mreqn, imr_multiaddr),
                                   F(struct ip_mreqn, imr_address),
                                   F(struct ip_mreqn, imr_ifindex)};
static const field f_ipv6_mreq[] = {F(struct ipv6_mreq, ipv6mr_multiaddr),
                                    F(struct ipv6_mreq, ipv6mr_interface)};
static const field f_open_how[] = {F(struct open_how, flags), F(struct open_how, mode),
                                   F(struct open_how, resolve)};
static const field f_nlmsghdr[] = {
    F(struct nlmsghdr, nlmsg_len), F(struct nlmsghdr, nlmsg_type),
    F(struct nlmsghdr, nlmsg_flags), F(struct nlmsghdr, nlmsg_seq),
    F(struct nlmsghdr, nlmsg_pid)};
static const field f_ifaddrmsg[] = {
    F(struct ifaddrmsg, ifa_family), F(struct ifaddrmsg, ifa_prefixlen),
    F(struct ifaddrmsg, ifa_flags), F(struct ifaddrmsg, ifa_scope),
    F(struct ifaddrmsg, ifa_index)};
static const field f_ifinfomsg[] = {
    F(struct ifinfomsg, ifi_family), F(struct ifinfomsg, ifi_type),
    F(struct ifinfomsg, ifi_index), F(struct ifinfomsg, ifi_flags),
    F(struct ifinfomsg, ifi_change)};
static const field f_rtattr[] = {F(struct rtattr, rta_len), F(struct rtattr, rta_type)};

static const layout layouts[] = {
    L("timespec", struct timespec, f_timespec),
    L("timeval", struct timeval, f_timeval),
    L("itimerspec", struct itimerspec, f_itimerspec),
    L("stat", struct stat, f_stat),
    L("statx_timestamp", struct statx_timestamp, f_statx_timestamp),
    L("statx", struct statx, f_statx),
    L("statfs", struct statfs, f_statfs),
    L("sockaddr", struct sockaddr, f_sockaddr),
    L("sockaddr_in", struct sockaddr_in, f_sockaddr_in),
    L("sockaddr_in6", struct sockaddr_in6, f_sockaddr_in6),
    L("sockaddr_un", struct sockaddr_un, f_sockaddr_un),
    L("sockaddr_storage", struct sockaddr_storage, f_sockaddr_storage),
    L("sockaddr_nl", struct sockaddr_nl, f_sockaddr_nl),
    L("epoll_event", struct epoll_event, f_epoll_event),
    L("linux_dirent64", struct dirent64, f_dirent64),
    L("iovec", struct iovec, f_iovec),
    L("msghdr", struct msghdr, f_msghdr),
    L("cmsghdr", struct cmsghdr, f_cmsghdr),
    L("utsname", struct utsname, f_utsname),
    L("sysinfo", struct sysinfo, f_sysinfo),
    L("rlimit", struct rlimit, f_rlimit),
    L("rusage", struct rusage, f_rusage),
    L("pollfd", struct pollfd, f_pollfd),
    L("signalfd_siginfo", struct signalfd_siginfo, f_signalfd_siginfo),
    L("inotify_event", struct inotify_event, f_inotify_event),
    L("winsize", struct winsize, f_winsize),
    L("siginfo", siginfo_t, f_siginfo),
    L("ucred", struct ucred, f_ucred),
    L("linger", struct linger, f_linger),
    L("ip_mreq", struct ip_mreq, f_ip_mreq),
    L("ip_mreqn", struct ip_mreqn, f_ip_mreqn),
    L("ipv6_mreq", struct ipv6_mreq, f_ipv6_mreq),
    L("open_how", struct open_how, f_open_how),
    L("nlmsghdr", struct nlmsghdr, f_nlmsghdr),
    L("ifaddrmsg", struct ifaddrmsg, f_ifaddrmsg),
    L("ifinfomsg", struct ifinfomsg, f_ifinfomsg),
    L("rtattr", struct rtattr, f_rtattr),
};

/* sizeof, offsetof and membersize: built at the first read of any of them
 * (the three tables are ~800 properties: ~0.4 ms of every start-up, and of
 * every worker's, for what only tests and layout checks read), then plain
 * data properties of the exports object. */
static const char *const table_names[] = {"sizeof", "offsetof", "membersize"};

static napi_value build_tables(napi_env env, napi_value target, int which) {
  napi_value t[3];
  for (int k = 0; k < 3; k++) NAPI_CALL(env, napi_create_object(env, &t[k]));
  for (size_t i = 0; i < sizeof layouts / sizeof layouts[0]; i++) {
    const layout *l = &layouts[i];
    napi_value offs, ms;
    if (sys__export_int(env, t[0], l->name, (int64_t)l->size) < 0) return NULL;
    NAPI_CALL(env, napi_create_object(env, &offs));
    NAPI_CALL(env, napi_create_object(env, &ms));
    for (size_t j = 0; j < l->nfields; j++) {
      if (sys__export_int(env, offs, l->fields[j].name, (int64_t)l->fields[j].off) < 0) return NULL;
      if (sys__export_int(env, ms, l->fields[j].name, (int64_t)l->fields[j].size) < 0) return NULL;
    }
    NAPI_CALL(env, napi_set_named_property(env, t[1], l->name, offs));
    NAPI_CALL(env, napi_set_named_property(env, t[2], l->name, ms));
  }
  napi_property_descriptor d[3];
  memset(d, 0, sizeof d);
  for (int k = 0; k < 3; k++) {
    d[k].utf8name = table_names[k];
    d[k].value = t[k];
    d[k].attributes = napi_writable | napi_enumerable | napi_configurable;
  }
  NAPI_CALL(env, napi_define_properties(env, target, 3, d));
  return t[which];
}

static napi_value get_table(napi_env env, napi_callback_info info) {
  napi_value self;
  void *data;
  NAPI_CALL(env, napi_get_cb_info(env, info, NULL, NULL, &self, &data));
  return build_tables(env, self, (int)(intptr_t)data);
}

int sys__init_layout(napi_env env, napi_value exports) {
  napi_property_descriptor d[3];
  memset(d, 0, sizeof d);
  for (int k = 0; k < 3; k++) {
    d[k].utf8name = table_names[k];
    d[k].getter = get_table;
    d[k].data = (void *)(intptr_t)k;
    d[k].attributes = napi_enumerable | napi_configurable;
  }
  NAPI_CALL_INT(env, napi_define_properties(env, exports, 3, d));
  return 0;
}
