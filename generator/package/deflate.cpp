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
    // compressed into room kept from call to call and never zeroed (a string's room is
    // zeroed as it is sized, the input's size over again), then copied out at its size
    thread_local std::unique_ptr<char[]> room;
    thread_local std::size_t room_size = 0;
    const std::size_t bound = zlib ? libdeflate_zlib_compress_bound(compressor.get(), in.size())
                                   : libdeflate_deflate_compress_bound(compressor.get(), in.size());
    if (bound > room_size) room.reset(new char[bound]), room_size = bound;
    const std::size_t size =
        zlib ? libdeflate_zlib_compress(compressor.get(), in.data(), in.size(), room.get(), bound)
             : libdeflate_deflate_compress(compressor.get(), in.data(), in.size(), room.get(), bound);
    out.assign(room.get(), size);
    return size > 0;  // (0: it did not fit the bound, which cannot happen)
}

}  // namespace protopub::package
