#include "package/zip_writer.hpp"

#include <libdeflate.h>

#include <algorithm>
#include <ctime>
#include <map>
#include <string_view>

#include "package/bytes.hpp"
#include "package/deflate.hpp"
#include "package/zip_reader.hpp"

namespace protopub::package {
namespace {

struct DosStamp {
    std::uint16_t time;
    std::uint16_t date;
};

// ZIP stores local DOS time; we store UTC so the stamp does not depend on the machine.
// DOS dates start in 1980, so earlier epochs are clamped to 1980-01-01.
DosStamp dos_stamp(std::int64_t epoch) {
    constexpr std::int64_t dos_start = 315532800;  // 1980-01-01T00:00:00Z
    std::time_t t = static_cast<std::time_t>(epoch < dos_start ? dos_start : epoch);
    std::tm utc{};
    gmtime_r(&t, &utc);
    DosStamp s;
    s.time = static_cast<std::uint16_t>((utc.tm_hour << 11) | (utc.tm_min << 5) | (utc.tm_sec / 2));
    s.date = static_cast<std::uint16_t>(((utc.tm_year - 80) << 9) | ((utc.tm_mon + 1) << 5) | utc.tm_mday);
    return s;
}

constexpr std::uint16_t kStored = 0, kDeflated = 8;

// An entry's data as it goes into the package.
struct Packed {
    std::string bytes;  // stored or deflated
    std::uint16_t method = kStored;
    std::uint32_t crc = 0;
    std::uint64_t size = 0;  // uncompressed
};

// The packages entries are copied from, each one's directory read once per write_zip call.
class CopySources {
public:
    // The entry's raw (still deflated) bytes and facts; false when it cannot be copied as it is.
    bool raw_entry(const std::string& package, const std::string& name, Packed& out) {
        auto [it, fresh] = read_.try_emplace(&package);
        if (fresh) {
            std::string error;
            it->second = detail::read_directory(package, error);
        }
        if (!it->second) return false;
        const auto& entries = *it->second;
        const auto found = std::find_if(entries.begin(), entries.end(),
                                        [&](const detail::StoredEntry& e) { return e.raw_name == name; });
        if (found == entries.end() || found->method != kDeflated) return false;
        out.bytes.assign(found->compressed);
        out.method = kDeflated;
        out.crc = found->crc;
        out.size = found->size;
        return true;
    }

private:
    std::map<const std::string*, std::optional<std::vector<detail::StoredEntry>>> read_;
};

// Word parts are repetitive markup that the fastest level already shrinks about tenfold
// (package/deflate.hpp). A part under 1 KB is stored: deflating it saves a few hundred bytes
// at most.
bool pack(std::string_view bytes, Packed& out) {
    out.size = bytes.size();
    out.crc = libdeflate_crc32(0, bytes.data(), bytes.size());
    if (bytes.size() >= 1024) {
        if (!deflate(bytes, out.bytes, Wrapping::raw)) return false;
        out.method = kDeflated;
        if (out.bytes.size() < bytes.size()) return true;
    }
    out.bytes.assign(bytes);
    out.method = kStored;
    return true;
}

}  // namespace

// The classic ZIP layout (no ZIP64, no extra fields): each entry's local header and data in
// order, then the central directory and its end record.
std::optional<std::string> write_zip(const std::vector<ZipEntry>& entries, std::int64_t epoch, std::string& error) {
    const DosStamp stamp = dos_stamp(epoch);
    if (entries.size() > 0xFFFF) {
        error = "too many entries for a zip package (" + std::to_string(entries.size()) + ")";
        return std::nullopt;
    }
    CopySources copies;
    std::string out, directory;
    Packed packed;
    for (const auto& e : entries) {
        if (!(e.copy_from && copies.raw_entry(*e.copy_from, e.name, packed)) && !pack(e.bytes, packed)) {
            error = "cannot deflate '" + e.name + "'";
            return std::nullopt;
        }
        const std::size_t offset = out.size();
        if (packed.size > 0xFFFFFFFEu || packed.bytes.size() > 0xFFFFFFFEu || offset > 0xFFFFFFFEu ||
            e.name.size() > 0xFFFF) {
            error = "'" + e.name + "' is too large for a zip package";
            return std::nullopt;
        }
        const bool ascii = std::all_of(e.name.begin(), e.name.end(), [](char c) { return (c & 0x80) == 0; });
        // What the local header and the directory's entry share, from "version needed" on.
        std::string common;
        put16(common, packed.method == kDeflated ? 20 : 10);  // version needed: 2.0 to inflate, 1.0 to store
        put16(common, ascii ? 0 : 0x0800);                    // flags: bit 11, the name is UTF-8
        put16(common, packed.method);
        put16(common, stamp.time);
        put16(common, stamp.date);
        put32(common, packed.crc);
        put32(common, static_cast<std::uint32_t>(packed.bytes.size()));
        put32(common, static_cast<std::uint32_t>(packed.size));
        put16(common, static_cast<std::uint32_t>(e.name.size()));
        put16(common, 0);  // extra field length

        put32(out, 0x04034b50);
        out += common;
        out += e.name;
        out += packed.bytes;

        put32(directory, 0x02014b50);
        put16(directory, (3 << 8) | 20);  // made by: Unix (so the attributes below are a mode), version 2.0
        directory += common;
        put16(directory, 0);               // comment length
        put16(directory, 0);               // disk number
        put16(directory, 0);               // internal attributes
        put32(directory, 0100666u << 16);  // a regular file, rw-rw-rw- (less the umask), as libzip wrote
        put32(directory, static_cast<std::uint32_t>(offset));
        directory += e.name;
    }
    const std::size_t directory_at = out.size();
    if (directory_at > 0xFFFFFFFEu) {
        error = "the package is too large for a zip file";
        return std::nullopt;
    }
    out += directory;
    put32(out, 0x06054b50);
    put16(out, 0);  // this disk
    put16(out, 0);  // the directory's disk
    put16(out, static_cast<std::uint32_t>(entries.size()));
    put16(out, static_cast<std::uint32_t>(entries.size()));
    put32(out, static_cast<std::uint32_t>(directory.size()));
    put32(out, static_cast<std::uint32_t>(directory_at));
    put16(out, 0);  // comment length
    return out;
}

}  // namespace protopub::package
