#!/bin/sh
':' /*
# unode: the command. This file is both a POSIX shell script and JavaScript:
# the shell part below execs node with this same file as its first --require,
# so node itself handles every flag, -e/-p, the REPL, stdin, ES modules, exit
# codes and signals, and starting costs one sh, no second node.
case $0 in /*) self=$0 ;; *) self=./$0 ;; esac
# node resolves a preload through symlinks, unless told to keep them.
if [ "${NODE_PRESERVE_SYMLINKS-}" = 1 ]; then self=$(readlink -f -- "$0"); else
  case " $* ${NODE_OPTIONS-} " in *' --preserve-symlinks '*) self=$(readlink -f -- "$0") ;; esac
fi
# --version and --modules among node's options (before the script) are ours.
skip=
for a do
  if [ -n "$skip" ]; then skip=; continue; fi
  case $a in
    -v|--version|--modules) exec node "$self" "$a" ;;
    -r|--require|--import|--loader|--experimental-loader|-e|--eval|-p|--print|-pe|-ep|-C|\
    --conditions|--input-type|--title|--inspect-port|--debug-port|--redirect-warnings|\
    --disable-warning|--env-file|--experimental-default-type|--unhandled-rejections|\
    --dns-result-order|--diagnostic-dir|--report-dir|--report-directory|--report-filename|\
    --report-signal|--heapsnapshot-signal|--cpu-prof-dir|--cpu-prof-name|--heap-prof-dir|\
    --heap-prof-name|--icu-data-dir|--openssl-config|--tls-cipher-list|--secure-heap|\
    --secure-heap-min|--trace-event-categories|--trace-event-file-pattern|--watch-path|\
    --test-name-pattern|--test-reporter|--test-reporter-destination|--test-shard|\
    --experimental-policy|--policy-integrity|--snapshot-blob) skip=1 ;;
    -|--) break ;;
    -*) ;;
    *) break ;;
  esac
done
exec node -r "$self" "$@"
*/
'use strict';
// JavaScript from here: as node's preload, start the loader; run as a script
// (`node unode/bin/unode.js ...`), be the command itself.
if (require.main === module) require('../internal/loader_cli').main(__filename);
else require('../internal/boot.js').start(__filename);
