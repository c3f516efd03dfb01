/* jemalloc's settings, read by jemalloc itself before main: back the heap with transparent
   huge pages (where the kernel allows them; nothing happens where it does not), so a
   redline's ~100 MB of small allocations is faulted in 2 MB at a time, not 4 KB. Linked
   only into the protopub binary, and only when it is linked with jemalloc (CMakeLists). */
const char* malloc_conf = "thp:always,metadata_thp:always";
