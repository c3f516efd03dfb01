#include "package/zip_writer.hpp"

#include <zip.h>

#include <cstdio>
#include <ctime>
#include <map>

namespace protopub::package {
namespace {

struct DosStamp {
    zip_uint16_t time;
    zip_uint16_t date;
};

// ZIP stores local DOS time; we store UTC so the stamp does not depend on the machine.
// DOS dates start in 1980, so earlier epochs are clamped to 1980-01-01.
DosStamp dos_stamp(std::int64_t epoch) {
    constexpr std::int64_t dos_start = 315532800;  // 1980-01-01T00:00:00Z
    std::time_t t = static_cast<std::time_t>(epoch < dos_start ? dos_start : epoch);
    std::tm utc{};
    gmtime_r(&t, &utc);
    DosStamp s;
    s.time = static_cast<zip_uint16_t>((utc.tm_hour << 11) | (utc.tm_min << 5) | (utc.tm_sec / 2));
    s.date = static_cast<zip_uint16_t>(((utc.tm_year - 80) << 9) | ((utc.tm_mon + 1) << 5) | utc.tm_mday);
    return s;
}

std::string describe(zip_error_t* e) { return zip_error_strerror(e); }

// The packages entries are copied from, opened read-only once per write_zip call (a
// zip_t is not shared between threads) and kept open until the new package is closed.
class CopySources {
public:
    ~CopySources() {
        for (auto& [bytes, archive] : open_)
            if (archive) zip_discard(archive);
    }
    // The raw (still compressed) entry, or null when it cannot be copied as it is.
    zip_source_t* raw_entry(zip_t* target, const std::string& package, const std::string& name) {
        auto [it, fresh] = open_.try_emplace(&package, nullptr);
        if (fresh) {
            zip_error_t zerr;
            zip_error_init(&zerr);
            if (zip_source_t* src = zip_source_buffer_create(package.data(), package.size(), 0, &zerr)) {
                it->second = zip_open_from_source(src, ZIP_RDONLY, &zerr);
                if (!it->second) zip_source_free(src);
            }
            zip_error_fini(&zerr);
        }
        if (!it->second) return nullptr;
        const zip_int64_t index = zip_name_locate(it->second, name.c_str(), ZIP_FL_ENC_RAW);
        zip_stat_t st;
        if (index < 0 || zip_stat_index(it->second, static_cast<zip_uint64_t>(index), 0, &st) != 0 ||
            !(st.valid & ZIP_STAT_COMP_METHOD) || st.comp_method != ZIP_CM_DEFLATE)
            return nullptr;
        return zip_source_zip(target, it->second, static_cast<zip_uint64_t>(index), ZIP_FL_COMPRESSED, 0, -1);
    }

private:
    std::map<const std::string*, zip_t*> open_;
};

// Copies what libzip wrote into its in-memory source out as a string.
std::optional<std::string> drain(zip_source_t* src, std::string& error) {
    if (zip_source_open(src) < 0) {
        error = describe(zip_source_error(src));
        return std::nullopt;
    }
    zip_source_seek(src, 0, SEEK_END);
    const zip_int64_t size = zip_source_tell(src);
    zip_source_seek(src, 0, SEEK_SET);
    std::string out(size > 0 ? static_cast<std::size_t>(size) : 0, '\0');
    const zip_int64_t got = size > 0 ? zip_source_read(src, out.data(), out.size()) : 0;
    zip_source_close(src);
    if (got != size) {
        error = "cannot read back the written package";
        return std::nullopt;
    }
    return out;
}

}  // namespace

std::optional<std::string> write_zip(const std::vector<ZipEntry>& entries, std::int64_t epoch, std::string& error) {
    zip_error_t zerr;
    zip_error_init(&zerr);
    zip_source_t* src = zip_source_buffer_create(nullptr, 0, 0, &zerr);
    if (!src) {
        error = describe(&zerr);
        zip_error_fini(&zerr);
        return std::nullopt;
    }
    zip_t* archive = zip_open_from_source(src, ZIP_TRUNCATE, &zerr);
    if (!archive) {
        error = describe(&zerr);
        zip_error_fini(&zerr);
        zip_source_free(src);
        return std::nullopt;
    }
    zip_source_keep(src);  // it must outlive zip_close, which writes into it
    const DosStamp stamp = dos_stamp(epoch);
    CopySources copies;  // declared after `archive`'s sources are made, closed after it
    for (const auto& e : entries) {
        zip_source_t* part = e.copy_from ? copies.raw_entry(archive, *e.copy_from, e.name) : nullptr;
        const bool copied = part != nullptr;
        if (!part) part = zip_source_buffer(archive, e.bytes.data(), e.bytes.size(), 0);
        const zip_int64_t index = part ? zip_file_add(archive, e.name.c_str(), part, ZIP_FL_ENC_UTF_8) : -1;
        if (index < 0) {
            if (part) zip_source_free(part);
            error = "cannot add '" + e.name + "': " + describe(zip_get_error(archive));
            zip_discard(archive);
            zip_source_free(src);
            return std::nullopt;
        }
        const auto i = static_cast<zip_uint64_t>(index);
        // Level 1: Word parts are repetitive markup that the fastest level already shrinks
        // about tenfold; level 6 made the package some 10% smaller for about a third of
        // the CPU time of publishing Word (bench/vs_pandoc.sh docx-protocols). A part under
        // 1 KB is stored: deflating it saves a few hundred bytes at most, and each deflate
        // stream first clears zlib's 64 KB hash table.
        if (!copied) zip_set_file_compression(archive, i, e.bytes.size() < 1024 ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 1);
        zip_file_set_dostime(archive, i, stamp.time, stamp.date, 0);
    }
    if (zip_close(archive) < 0) {
        error = describe(zip_get_error(archive));
        zip_discard(archive);
        zip_source_free(src);
        return std::nullopt;
    }
    auto bytes = drain(src, error);
    zip_source_free(src);
    zip_error_fini(&zerr);
    return bytes;
}

}  // namespace protopub::package
