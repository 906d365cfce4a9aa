// Parity harness: runs a script under `node` (twice: it must be deterministic)
// and under `unode` with UNODE_STRICT=1 and UNODE_TRACE=<file>, normalises only
// what must differ, and compares stdout, stderr, exit code and signal; then
// checks that the trace shows the calls the script declares. See README.md.
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { diffLines } = require('./diff');

const ROOT = path.join(__dirname, '..', '..');
const SCRIPTS = path.join(__dirname, 'scripts');
const UNODE = path.join(ROOT, 'unode', 'bin', 'unode.js');
const NODE = process.execPath;
const STACK_DIRS = ['unode', 'libjs', 'libaio', 'eloop', 'libsys'].map((d) => path.join(ROOT, d) + '/');

// ---- scripts and their headers -----------------------------------------

// Header lines: `// key: value` at the top of the file (after a shebang).
//   trace: calls the unode run must show (required; see traceProblems)
//   args: arguments after the script      node-args: options before it
//     ($SCRIPTS in either stands for this directory of scripts)
//   mode: file (default) | eval | print | stdin   (the body as -e, -p or stdin)
//   stdin: text piped to the script (\n for newlines)
//   normalize: pid | time | ino | mkdtemp=<prefix>   (what else must differ)
//   env: KEY=VALUE ...      timeout: ms (default 10000)
function parseHeader(text) {
  const h = { trace: null, args: [], nodeArgs: [], mode: 'file', normalize: [], env: {}, stdin: null, timeout: 10000 };
  for (const line of text.split('\n')) {
    if (line.startsWith('#!')) continue;
    const m = /^\/\/\s*([a-z-]+):\s?(.*)$/.exec(line);
    if (!m) break;
    const [, key, value] = m;
    const words = value.trim() === '' ? [] : value.trim().split(/\s+/).map((w) => w.replace(/\$SCRIPTS/g, SCRIPTS));
    if (key === 'trace') h.trace = value.trim();
    else if (key === 'args') h.args = words;
    else if (key === 'node-args') h.nodeArgs = words;
    else if (key === 'mode') h.mode = value.trim();
    else if (key === 'normalize') h.normalize = words;
    else if (key === 'timeout') h.timeout = Number(value);
    else if (key === 'stdin') h.stdin = value.replace(/\\n/g, '\n');
    else if (key === 'env') for (const w of words) { const i = w.indexOf('='); h.env[w.slice(0, i)] = w.slice(i + 1); }
  }
  return h;
}

function list() {
  return fs.readdirSync(SCRIPTS)
    .filter((f) => /^[a-z][\w-]*\.(js|mjs|cjs)$/.test(f))
    .sort()
    .map((f) => {
      const file = path.join(SCRIPTS, f);
      const text = fs.readFileSync(file, 'utf8');
      return { name: f, file, text, header: parseHeader(text) };
    });
}

// ---- running -------------------------------------------------------------

function baseEnv() {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (k.startsWith('UNODE_') || k.startsWith('NODE_') || k === 'FORCE_COLOR' || k === 'NO_COLOR') continue;
    env[k] = v;
  }
  env.PATH = `${path.dirname(NODE)}:${process.env.PATH || '/usr/bin:/bin'}`;
  return env;
}

// One run in a fresh directory (the cwd and TMPDIR of the script).
function runOnce(script, which) {
  const h = script.header;
  const tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'parity-')));
  const traceDir = which === 'unode' ? fs.mkdtempSync(path.join(os.tmpdir(), 'parity-trace-')) : null;
  const env = { ...baseEnv(), TMPDIR: tmp, ...h.env };
  if (which === 'unode') {
    env.UNODE_STRICT = '1';
    env.UNODE_TRACE = path.join(traceDir, 'trace.log');
  }
  let args;
  let input = h.stdin;
  if (h.mode === 'eval') args = [...h.nodeArgs, '-e', script.text, ...h.args];
  else if (h.mode === 'print') args = [...h.nodeArgs, '-p', script.text, ...h.args];
  else if (h.mode === 'stdin') { args = [...h.nodeArgs, ...h.args]; input = script.text; }
  else args = [...h.nodeArgs, script.file, ...h.args];
  // `node` by name, as a user types it (process.argv0 and the title follow).
  const cmd = which === 'unode' ? UNODE : 'node';
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: tmp, env, stdio: ['pipe', 'pipe', 'pipe'] });
    const out = [], err = [];
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => err.push(d));
    child.stdin.on('error', () => {});
    child.stdin.end(input === null ? undefined : input);
    let timedOut = false;
    const timer = setTimeout(() => { timedOut = true; child.kill('SIGKILL'); }, h.timeout);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      let left = [];
      try { left = fs.readdirSync(tmp); } catch {}
      fs.rmSync(tmp, { recursive: true, force: true });
      let trace = null;
      if (traceDir) {
        try { trace = fs.readFileSync(env.UNODE_TRACE, 'utf8'); } catch { trace = ''; }
        fs.rmSync(traceDir, { recursive: true, force: true });
      }
      resolve({
        which, tmp, pid: child.pid, code, signal, timedOut, left, trace,
        stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString(),
      });
    });
  });
}

// ---- normalising -----------------------------------------------------------

function escapeRe(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function isInternalLocation(loc) {
  return loc.startsWith('node:') || loc === '<anonymous>' || STACK_DIRS.some((d) => loc.startsWith(d));
}

// Only what must differ between two runs: the run's directory, pids,
// internal stack frames (Node's `node:fs:573:18` against unode's files), the
// internal throw site printed above an uncaught error; and what the script
// opts into.
function normalize(text, run, h) {
  let t = text.split(run.tmp).join('<TMP>');
  // The source excerpt Node prints for an uncaught error thrown internally.
  t = t.replace(/^(\S+):(\d+)\n([^\n]*)\n( *\^+ *)\n/gm, (all, loc) =>
    (isInternalLocation(loc) ? '<internal throw site>\n' : all));
  // `    at f (loc) {`: util.inspect puts an error's own properties after its
  // last frame; the frame goes on its own line so that it can be dropped.
  t = t.replace(/^(\s+at .*) \{$/gm, '$1\n{');
  t = t.split('\n').filter((line) => {
    const m = /^\s+at (?:.*\((.*)\)|(?:async )?(\S+))$/.exec(line);
    if (!m) return true;
    const loc = m[1] !== undefined ? m[1] : m[2];
    return !isInternalLocation(loc);
  }).join('\n');
  t = t.replace(/\(node:\d+\)/g, '(node:<PID>)');
  for (const n of h.normalize) {
    if (n === 'pid') t = t.replace(new RegExp(`\\b${run.pid}\\b`, 'g'), '<PID>');
    else if (n === 'time') t = t.replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, '<TIME>');
    else if (n === 'ino') t = t.replace(/\bino(["']?:\s*|=)\d+n?/g, 'ino$1<INO>');
    else if (n.startsWith('mkdtemp=')) {
      const prefix = escapeRe(n.slice(8));
      t = t.replace(new RegExp(`${prefix}[A-Za-z0-9]{6}`, 'g'), `${n.slice(8)}XXXXXX`);
    }
  }
  return t;
}

function view(run, h) {
  return {
    stdout: normalize(run.stdout, run, h),
    stderr: normalize(run.stderr, run, h),
    exit: run.timedOut ? 'timed out' : run.signal ? `signal ${run.signal}` : `code ${run.code}`,
  };
}

// ---- the trace -------------------------------------------------------------

// `trace:` tokens, each of which the trace must contain (in any order):
//   openat            a call by name
//   fstat|statx       any of several names
//   openat(*a.txt*)   a call whose argument text matches the glob (* any text)
//   sysinfo||openat(*meminfo*)   any of several tokens
function traceProblems(expect, trace) {
  if (expect === null || expect === '') return ['the script declares no `// trace:` header'];
  const lines = trace.split('\n').map((l) => l.replace(/^\[[^\]]*\] /, ''));
  const problems = [];
  const matches = (token) => {
    const m = /^([\w|]+)(?:\((.*)\))?$/.exec(token);
    if (!m) throw new Error(`bad trace token ${token}`);
    const names = m[1].split('|');
    const glob = m[2] === undefined ? null :
      new RegExp(`^${m[2].split('*').map(escapeRe).join('.*')}$`);
    return lines.some((l) => {
      const p = l.indexOf('(');
      if (p < 0 || !names.includes(l.slice(0, p))) return false;
      if (glob === null) return true;
      const close = l.lastIndexOf(') = ');
      return glob.test(l.slice(p + 1, close < 0 ? l.length : close));
    });
  };
  for (const token of expect.split(/\s+/)) {
    try {
      if (!token.split('||').some(matches)) problems.push(`no ${token} in the trace`);
    } catch (e) {
      problems.push(e.message);
    }
  }
  return problems;
}

// The trace lines of the calls the script names (else its first lines).
function traceExcerpt(expect, trace) {
  const lines = trace.split('\n').filter(Boolean);
  if (lines.length === 0) return '--- trace: empty (unode\'s stack made no call)';
  const names = new Set(expect.split(/[\s|]+/).map((t) => t.replace(/\(.*$/, '')).filter(Boolean));
  const mine = lines.filter((l) => names.has(l.replace(/^\[[^\]]*\] /, '').replace(/\(.*$/, '')));
  const shown = (mine.length ? mine : lines).slice(0, 40);
  return `--- trace: ${lines.length} lines; ${mine.length ? `those of ${[...names].join(', ')}` : 'the first'} (up to 40):\n` +
    shown.join('\n');
}

// ---- one script --------------------------------------------------------------

function section(title, a, b) {
  if (a === b) return '';
  return `--- ${title} (- node, + unode)\n${diffLines(a, b)}\n`;
}

// Resolves to null when node and unode agree, else a message with the diffs.
// With PARITY_NODE_ONLY=1 only the node side is checked (deterministic, bounded
// in time, leaves nothing behind): for writing scripts before unode has the module.
async function check(script) {
  const h = script.header;
  const nodeOnly = process.env.PARITY_NODE_ONLY === '1';
  const [n1, n2, u] = await Promise.all([runOnce(script, 'node'), runOnce(script, 'node'),
    nodeOnly ? null : runOnce(script, 'unode')]);
  const a = view(n1, h), b = view(n2, h);
  const problems = [];
  if (n1.timedOut) problems.push(`the script timed out under node (${h.timeout} ms)`);
  if (a.stdout !== b.stdout || a.stderr !== b.stderr || a.exit !== b.exit) {
    problems.push('the script is not deterministic under node (two runs differ):\n' +
      section('stdout', a.stdout, b.stdout) + section('stderr', a.stderr, b.stderr) +
      (a.exit !== b.exit ? `exit: ${a.exit} / ${b.exit}\n` : ''));
  }
  if (n1.left.length) problems.push(`the script leaves files behind under node: ${n1.left.join(', ')}`);
  if (h.trace === null || h.trace === '') problems.push('the script declares no `// trace:` header');
  if (problems.length || nodeOnly) return problems.length ? problems.join('\n') : null;
  const c = view(u, h);
  if (a.stdout !== c.stdout || a.stderr !== c.stderr || a.exit !== c.exit) {
    problems.push('node and unode differ:\n' + section('stdout', a.stdout, c.stdout) +
      section('stderr', a.stderr, c.stderr) + (a.exit !== c.exit ? `exit: node ${a.exit}, unode ${c.exit}\n` : ''));
  }
  if (u.left.length) problems.push(`unode leaves files behind: ${u.left.join(', ')}`);
  const tp = traceProblems(h.trace, u.trace || '');
  if (tp.length) problems.push(`trace: ${tp.join('; ')}\n${traceExcerpt(h.trace, u.trace || '')}`);
  return problems.length ? problems.join('\n') : null;
}

module.exports = { list, parseHeader, normalize, traceProblems, check, runOnce, view, ROOT, UNODE };
