// libjs: <sys/xattr.h>: extended attributes. Values and name lists go in
// caller buffers; a null buffer with length 0 asks for the size needed.
'use strict';
const { syscall } = require('./sys');
const nr = require('./sysnr');
const { cpath, span, spanOrNull } = require('./args');

function getxattr(path, name, buf, len, off) {
  const p = cpath('getxattr', path, 'path'), n = cpath('getxattr', name, 'name');
  return syscall(nr.getxattr, p, n, spanOrNull('getxattr', buf, len, off), len);
}

function lgetxattr(path, name, buf, len, off) {
  const p = cpath('lgetxattr', path, 'path'), n = cpath('lgetxattr', name, 'name');
  return syscall(nr.lgetxattr, p, n, spanOrNull('lgetxattr', buf, len, off), len);
}

function fgetxattr(fd, name, buf, len, off) {
  const n = cpath('fgetxattr', name, 'name');
  return syscall(nr.fgetxattr, fd, n, spanOrNull('fgetxattr', buf, len, off), len);
}

// flags: 0, XATTR_CREATE or XATTR_REPLACE.
function setxattr(path, name, buf, len, flags = 0, off) {
  const p = cpath('setxattr', path, 'path'), n = cpath('setxattr', name, 'name');
  return syscall(nr.setxattr, p, n, span('setxattr', buf, len, off), len, flags);
}

function lsetxattr(path, name, buf, len, flags = 0, off) {
  const p = cpath('lsetxattr', path, 'path'), n = cpath('lsetxattr', name, 'name');
  return syscall(nr.lsetxattr, p, n, span('lsetxattr', buf, len, off), len, flags);
}

function fsetxattr(fd, name, buf, len, flags = 0, off) {
  const n = cpath('fsetxattr', name, 'name');
  return syscall(nr.fsetxattr, fd, n, span('fsetxattr', buf, len, off), len, flags);
}

// The names come back NUL-separated.
function listxattr(path, buf, len, off) {
  const p = cpath('listxattr', path, 'path');
  return syscall(nr.listxattr, p, spanOrNull('listxattr', buf, len, off), len);
}

function llistxattr(path, buf, len, off) {
  const p = cpath('llistxattr', path, 'path');
  return syscall(nr.llistxattr, p, spanOrNull('llistxattr', buf, len, off), len);
}

function flistxattr(fd, buf, len, off) {
  return syscall(nr.flistxattr, fd, spanOrNull('flistxattr', buf, len, off), len);
}

function removexattr(path, name) {
  return syscall(nr.removexattr, cpath('removexattr', path, 'path'), cpath('removexattr', name, 'name'));
}

function lremovexattr(path, name) {
  return syscall(nr.lremovexattr, cpath('lremovexattr', path, 'path'), cpath('lremovexattr', name, 'name'));
}

function fremovexattr(fd, name) {
  return syscall(nr.fremovexattr, fd, cpath('fremovexattr', name, 'name'));
}

module.exports = {
  getxattr, lgetxattr, fgetxattr, setxattr, lsetxattr, fsetxattr,
  listxattr, llistxattr, flistxattr, removexattr, lremovexattr, fremovexattr,
};
