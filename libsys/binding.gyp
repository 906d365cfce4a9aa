{
  "targets": [
    {
      "target_name": "libsys",
      "product_prefix": "",
      "product_name": "libsys",
      "sources": [
        "src/addon.c",
        "src/marshal.c",
        "src/syscall.c",
        "src/memory.c",
        "src/ffi.c",
        "src/layout.c",
        "src/poll.c",
        "src/fdtrack.c",
        "src/bench.c",
        "src/eloop_pool.c",
        "src/eloop_env.c",
        "src/eloop_js.c"
      ],
      "cflags": ["-std=gnu11", "-O2", "-Wall", "-Wextra", "-Wno-unused-parameter", "-fvisibility=hidden"],
      "cflags!": ["-fno-exceptions"],
      "libraries": ["-lffi", "-lpthread"],
      "defines": ["NAPI_VERSION=8"]
    }
  ]
}
