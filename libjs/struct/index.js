// libjs/struct: every struct codec, by the C struct's name.
'use strict';
const { makedev, makedevBigInt, major, minor } = require('./mem');
const stat = require('./stat');
const statx = require('./statx');
const { timespec, timeval, itimerspec } = require('./time');
const sockaddr = require('./sockaddr');
const epoll_event = require('./epoll');
const dirent64 = require('./dirent');
const iovec = require('./uio');
const { msghdr, cmsg } = require('./msghdr');
const utsname = require('./utsname');
const sysinfo = require('./sysinfo');
const { rlimit, rusage } = require('./resource');
const pollfd = require('./poll');
const signalfd_siginfo = require('./signalfd');
const inotify_event = require('./inotify');
const { winsize } = require('./ioctl');
const statfs = require('./statfs');
const siginfo = require('./wait');
const { ucred, linger, ip_mreq, ip_mreqn, ipv6_mreq } = require('./sockopt');
const netlink = require('./netlink');
const open_how = require('./openat2');
const inet = require('./inet');

const { sockaddr_in, sockaddr_in6, sockaddr_un, sockaddr_nl } = sockaddr;
const { nlmsghdr, ifaddrmsg, ifinfomsg, rtattr } = netlink;

// The layout of each struct for this architecture, by the name libsys's
// sizeof/offsetof use: { size, fields: { member: [offset, size] } }.
const layouts = {
  stat: stat.layout, statx: statx.layout, timespec: timespec.layout, timeval: timeval.layout,
  itimerspec: itimerspec.layout, statx_timestamp: { size: 16, fields: { tv_sec: [0, 8], tv_nsec: [8, 4] } },
  sockaddr: sockaddr.LAYOUTS.sockaddr, sockaddr_storage: sockaddr.LAYOUTS.sockaddr_storage,
  sockaddr_in: sockaddr_in.layout, sockaddr_in6: sockaddr_in6.layout, sockaddr_un: sockaddr_un.layout,
  sockaddr_nl: sockaddr_nl.layout, epoll_event: epoll_event.layout, linux_dirent64: dirent64.layout,
  iovec: iovec.layout, msghdr: msghdr.layout, cmsghdr: cmsg.layout, utsname: utsname.layout,
  sysinfo: sysinfo.layout, rlimit: rlimit.layout, rusage: rusage.layout, pollfd: pollfd.layout,
  signalfd_siginfo: signalfd_siginfo.layout, inotify_event: inotify_event.layout, winsize: winsize.layout,
  statfs: statfs.layout, siginfo: siginfo.layout, ucred: ucred.layout, linger: linger.layout,
  ip_mreq: ip_mreq.layout, ip_mreqn: ip_mreqn.layout, ipv6_mreq: ipv6_mreq.layout, open_how: open_how.layout,
  nlmsghdr: nlmsghdr.layout, ifaddrmsg: ifaddrmsg.layout, ifinfomsg: ifinfomsg.layout, rtattr: rtattr.layout,
};

module.exports = {
  stat, statx, timespec, timeval, itimerspec,
  sockaddr, sockaddr_in, sockaddr_in6, sockaddr_un, sockaddr_nl,
  epoll_event, dirent64, iovec, msghdr, cmsg,
  utsname, sysinfo, rlimit, rusage, pollfd, signalfd_siginfo, inotify_event, winsize, statfs, siginfo,
  ucred, linger, ip_mreq, ip_mreqn, ipv6_mreq, open_how,
  nlmsghdr, ifaddrmsg, ifinfomsg, rtattr, nlmsg: { request: netlink.request, messages: netlink.messages, attributes: netlink.attributes, encodeAttribute: netlink.encodeAttribute, ALIGN: netlink.NLMSG_ALIGN, HDRLEN: netlink.NLMSG_HDRLEN, RTA_ALIGN: netlink.RTA_ALIGN },
  inet, makedev, makedevBigInt, major, minor, layouts,
};
