// libjs/struct: the ELF64 structures that the vDSO's dynamic symbol table is
// made of (<elf.h>), read from a DataView over the mapped image. Only what a
// dynamic-symbol lookup needs; the layouts are the same on x86-64 and aarch64.
'use strict';

// Elf64_Ehdr, 64 bytes:
// offset | size | field
//      0 |   16 | e_ident (7f 'E' 'L' 'F', class at 4, data at 5)
//     16 |    2 | e_type
//     18 |    2 | e_machine
//     20 |    4 | e_version
//     24 |    8 | e_entry
//     32 |    8 | e_phoff
//     40 |    8 | e_shoff
//     48 |    4 | e_flags
//     52 |    2 | e_ehsize
//     54 |    2 | e_phentsize
//     56 |    2 | e_phnum
//     58 |    2 | e_shentsize
//     60 |    2 | e_shnum
//     62 |    2 | e_shstrndx
const EHDR_SIZE = 64;
const ELFCLASS64 = 2, ELFDATA2LSB = 1;
const EM_X86_64 = 62, EM_AARCH64 = 183;

// Elf64_Phdr, 56 bytes:
// offset | size | field
//      0 |    4 | p_type
//      4 |    4 | p_flags
//      8 |    8 | p_offset
//     16 |    8 | p_vaddr
//     24 |    8 | p_paddr
//     32 |    8 | p_filesz
//     40 |    8 | p_memsz
//     48 |    8 | p_align
const PHDR_SIZE = 56;
const PT_LOAD = 1, PT_DYNAMIC = 2;

// Elf64_Dyn, 16 bytes: 0 | 8 | d_tag (signed); 8 | 8 | d_val / d_ptr
const DYN_SIZE = 16;
const DT_NULL = 0, DT_HASH = 4, DT_STRTAB = 5, DT_SYMTAB = 6, DT_STRSZ = 10, DT_SYMENT = 11;
const DT_GNU_HASH = 0x6ffffef5, DT_VERSYM = 0x6ffffff0, DT_VERDEF = 0x6ffffffc;

// Elf64_Sym, 24 bytes:
// offset | size | field
//      0 |    4 | st_name (offset in the string table)
//      4 |    1 | st_info (binding << 4 | type)
//      5 |    1 | st_other
//      6 |    2 | st_shndx
//      8 |    8 | st_value
//     16 |    8 | st_size
const SYM_SIZE = 24;
const STT_NOTYPE = 0, STT_FUNC = 2, STB_GLOBAL = 1, STB_WEAK = 2, SHN_UNDEF = 0;

// Elf64_Verdef, 20 bytes:
// offset | size | field
//      0 |    2 | vd_version
//      2 |    2 | vd_flags (VER_FLG_BASE = 1: the file's own name, not a version)
//      4 |    2 | vd_ndx
//      6 |    2 | vd_cnt
//      8 |    4 | vd_hash
//     12 |    4 | vd_aux (offset of the first Elf64_Verdaux from this entry)
//     16 |    4 | vd_next (offset of the next Elf64_Verdef, 0 at the end)
// Elf64_Verdaux, 8 bytes: 0 | 4 | vda_name; 4 | 4 | vda_next
// Elf64_Versym: one u16 per symbol; the low 15 bits index a Verdef (vd_ndx).
const VER_FLG_BASE = 1;

const TWO32 = 4294967296;
const u64 = (dv, p) => dv.getUint32(p, true) + dv.getUint32(p + 4, true) * TWO32;

function fail(msg) {
  throw new Error(`libjs/elf: ${msg}`);
}

// The header fields a loader needs; throws on anything but a little-endian
// ELF64 for this machine.
function readEhdr(dv) {
  if (dv.byteLength < EHDR_SIZE) fail('image shorter than an ELF header');
  if (dv.getUint32(0, false) !== 0x7f454c46) fail('no ELF magic');
  if (dv.getUint8(4) !== ELFCLASS64 || dv.getUint8(5) !== ELFDATA2LSB) fail('not a little-endian ELF64');
  return {
    type: dv.getUint16(16, true),
    machine: dv.getUint16(18, true),
    phoff: u64(dv, 32),
    phentsize: dv.getUint16(54, true),
    phnum: dv.getUint16(56, true),
  };
}

function readPhdrs(dv, eh) {
  if (eh.phentsize !== PHDR_SIZE) fail(`unexpected e_phentsize ${eh.phentsize}`);
  const out = [];
  for (let k = 0; k < eh.phnum; k++) {
    const p = eh.phoff + k * PHDR_SIZE;
    out.push({
      type: dv.getUint32(p, true),
      flags: dv.getUint32(p + 4, true),
      offset: u64(dv, p + 8),
      vaddr: u64(dv, p + 16),
      filesz: u64(dv, p + 32),
      memsz: u64(dv, p + 40),
    });
  }
  return out;
}

function cstring(dv, p, end) {
  let q = p;
  while (q < end && dv.getUint8(q) !== 0) q++;
  return Buffer.from(dv.buffer, dv.byteOffset + p, q - p).toString('latin1');
}

// The dynamic symbols of an image mapped in memory. `dv` covers the image from
// its first byte (file offset 0). Returns [{name, version, type, bind, value}]
// with value the symbol's address relative to the image start.
function dynamicSymbols(dv) {
  const eh = readEhdr(dv);
  const phdrs = readPhdrs(dv, eh);
  const load = phdrs.find((p) => p.type === PT_LOAD);
  const dyn = phdrs.find((p) => p.type === PT_DYNAMIC);
  if (!load || !dyn) fail('no PT_LOAD or no PT_DYNAMIC');
  // Link-time addresses to offsets in the image.
  const delta = load.offset - load.vaddr;
  const at = (addr) => {
    const o = addr + delta;
    if (o < 0 || o >= dv.byteLength) fail(`address ${addr} outside the image`);
    return o;
  };
  const tags = new Map();
  for (let p = dyn.offset; p + DYN_SIZE <= dyn.offset + dyn.filesz; p += DYN_SIZE) {
    const tag = dv.getUint32(p, true) + dv.getInt32(p + 4, true) * TWO32;
    if (tag === DT_NULL) break;
    tags.set(tag, u64(dv, p + 8));
  }
  if (!tags.has(DT_SYMTAB) || !tags.has(DT_STRTAB)) fail('no DT_SYMTAB or DT_STRTAB');
  const symtab = at(tags.get(DT_SYMTAB));
  const strtab = at(tags.get(DT_STRTAB));
  const strend = tags.has(DT_STRSZ) ? strtab + tags.get(DT_STRSZ) : dv.byteLength;
  if (tags.has(DT_SYMENT) && tags.get(DT_SYMENT) !== SYM_SIZE) fail('unexpected DT_SYMENT');
  const nsyms = tags.has(DT_HASH) ? dv.getUint32(at(tags.get(DT_HASH)) + 4, true)
    : tags.has(DT_GNU_HASH) ? gnuHashCount(dv, at(tags.get(DT_GNU_HASH)))
      : fail('neither DT_HASH nor DT_GNU_HASH');
  const versions = tags.has(DT_VERDEF) ? readVerdefs(dv, at(tags.get(DT_VERDEF)), strtab, strend) : null;
  const versym = tags.has(DT_VERSYM) ? at(tags.get(DT_VERSYM)) : -1;
  const out = [];
  for (let k = 1; k < nsyms; k++) {
    const p = symtab + k * SYM_SIZE;
    const info = dv.getUint8(p + 4);
    out.push({
      name: cstring(dv, strtab + dv.getUint32(p, true), strend),
      version: versions && versym >= 0 ? versions.get(dv.getUint16(versym + 2 * k, true) & 0x7fff) || null : null,
      type: info & 0xf,
      bind: info >> 4,
      defined: dv.getUint16(p + 6, true) !== SHN_UNDEF,
      value: u64(dv, p + 8) + delta,
    });
  }
  return out;
}

// DT_GNU_HASH has no symbol count: it is one past the last symbol reachable
// from the highest bucket, whose chain ends at an entry with bit 0 set.
function gnuHashCount(dv, p) {
  const nbuckets = dv.getUint32(p, true);
  const symoffset = dv.getUint32(p + 4, true);
  const bloomSize = dv.getUint32(p + 8, true);
  const buckets = p + 16 + bloomSize * 8;
  const chains = buckets + nbuckets * 4;
  let last = 0;
  for (let b = 0; b < nbuckets; b++) last = Math.max(last, dv.getUint32(buckets + 4 * b, true));
  if (last < symoffset) return symoffset;
  while ((dv.getUint32(chains + 4 * (last - symoffset), true) & 1) === 0) last++;
  return last + 1;
}

// vd_ndx -> version name, for the definitions that are versions (not the base).
function readVerdefs(dv, p, strtab, strend) {
  const names = new Map();
  for (let n = 0; n < 256; n++) {
    const flags = dv.getUint16(p + 2, true);
    const ndx = dv.getUint16(p + 4, true);
    const aux = dv.getUint32(p + 12, true);
    const next = dv.getUint32(p + 16, true);
    if ((flags & VER_FLG_BASE) === 0) names.set(ndx, cstring(dv, strtab + dv.getUint32(p + aux, true), strend));
    if (next === 0) break;
    p += next;
  }
  return names;
}

module.exports = {
  EHDR_SIZE, PHDR_SIZE, DYN_SIZE, SYM_SIZE, PT_LOAD, PT_DYNAMIC,
  EM_X86_64, EM_AARCH64, STT_NOTYPE, STT_FUNC, STB_GLOBAL, STB_WEAK,
  readEhdr, readPhdrs, dynamicSymbols,
};
