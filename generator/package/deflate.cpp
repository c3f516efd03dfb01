#include "package/deflate.hpp"

#include <libdeflate.h>

#include <memory>

namespace protopub::package {

bool deflate(std::string_view in, std::string& out, Wrapping wrapping) {
    struct Free {
        void operator()(libdeflate_compressor* c) const { libdeflate_free_compressor(c); }
    };
    // its tables are some hundreds of kilobytes, and a document has a stream per page
    thread_local const std::unique_ptr<libdeflate_compressor, Free> compressor(libdeflate_alloc_compressor(1));
    if (!compressor) return false;
    const bool zlib = wrapping == Wrapping::zlib;
    out.resize(zlib ? libdeflate_zlib_compress_bound(compressor.get(), in.size())
                    : libdeflate_deflate_compress_bound(compressor.get(), in.size()));
    out.resize(zlib ? libdeflate_zlib_compress(compressor.get(), in.data(), in.size(), out.data(), out.size())
                    : libdeflate_deflate_compress(compressor.get(), in.data(), in.size(), out.data(), out.size()));
    return !out.empty();  // (0: it did not fit the bound, which cannot happen)
}

}  // namespace protopub::package
