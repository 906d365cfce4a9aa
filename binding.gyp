{
  "targets": [
    {
      "target_name": "root",
      "type": "none",
      "dependencies": ["libsys/binding.gyp:libsys"]
    }
  ]
}
