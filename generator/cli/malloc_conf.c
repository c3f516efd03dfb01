/* jemalloc's settings, read by jemalloc itself before main: back the heap with transparent
   huge pages (where the kernel allows them; nothing happens where it does not), so a
   redline's ~100 MB of small allocations is faulted in 2 MB at a time, not 4 KB. Linked
   only into the protopub binary, and only when it is linked with jemalloc (CMakeLists). */
#include <jemalloc/jemalloc.h>

/* One arena for every thread: the PDF is rendered on a thread of its own, which with an
   arena of its own took nothing of what HTML and Word had freed (every format of the
   bench pair: 51 -> 38 or 39 huge pages first touched). */
const char* malloc_conf = "thp:always,metadata_thp:always,narenas:1";

/* jemalloc grows the heap (arena 0, the one arena) by mappings of 2, 2.5, 3, 3.5, 4, 5 MB
   and so on, which the kernel places one below the other: most begin or end inside a 2 MB page,
   and a page not wholly inside one mapping when first touched is faulted in 4 KB at a time
   (on the bench pair, 8 MB of a json,csv redline's heap, three quarters of its page faults).
   Grown 2 MB at a time, each mapping is a whole number of huge pages. */
__attribute__((constructor)) static void grow_by_huge_pages(void) {
    size_t limit = (size_t)2 << 20;
    mallctl("arena.0.retain_grow_limit", NULL, NULL, &limit, sizeof limit);
}
