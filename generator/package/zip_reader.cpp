#include "package/zip_reader.hpp"
#include "package/bytes.hpp"

#include <libdeflate.h>
#include <zlib.h>

#include <algorithm>
#include <climits>
#include <set>

namespace protopub::package {

namespace detail {

namespace {

// libzip's words for what is wrong with a package, which its users saw before.
constexpr const char* kNotZip = "Not a zip archive";
constexpr const char* kInconsistent = "Zip archive inconsistent";
constexpr const char* kMultiDisk = "Multi-disk zip archives not supported";
constexpr const char* kDuplicate = "File already exists";
constexpr const char* kTruncated = "Premature end of file";

constexpr std::uint32_t kLocalSignature = 0x04034b50, kCentralSignature = 0x02014b50, kEndSignature = 0x06054b50,
                        kEnd64Signature = 0x06064b50, kEnd64LocatorSignature = 0x07064b50;
constexpr std::size_t kLocalSize = 30, kCentralSize = 46, kEndSize = 22, kEnd64Size = 56, kEnd64LocatorSize = 20;
constexpr std::uint16_t kZip64Field = 0x0001, kUtf8NameField = 0x7075;
constexpr std::uint16_t kFlagDataDescriptor = 0x0008, kFlagUtf8 = 0x0800;

// The data of extra field `id` in a header's extra fields, or nullopt.
std::optional<std::string_view> extra_field(std::string_view extra, std::uint16_t id) {
    for (std::size_t at = 0; at + 4 <= extra.size();) {
        const std::size_t size = get16(extra, at + 2);
        if (at + 4 + size > extra.size()) break;
        if (get16(extra, at) == id) return extra.substr(at + 4, size);
        at += 4 + size;
    }
    return std::nullopt;
}

// Extra fields that fill their room exactly (as Android's aligning tools do, up to three
// zero bytes may follow them).
bool well_formed(std::string_view extra) {
    std::size_t at = 0;
    while (extra.size() - at >= 4) {
        const std::size_t size = get16(extra, at + 2);
        if (extra.size() - at - 4 < size) return false;
        at += 4 + size;
    }
    return extra.substr(at).find_first_not_of('\0') == std::string_view::npos;
}

// libzip's test: bytes that are not printable ASCII form UTF-8 sequences by their lead and
// continuation bits (nothing more is checked).
bool utf8_by_bits(std::string_view s) {
    for (std::size_t i = 0; i < s.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if ((c > 31 && c < 128) || c == '\r' || c == '\n' || c == '\t') continue;
        const std::size_t more = (c & 0xE0) == 0xC0 ? 1 : (c & 0xF0) == 0xE0 ? 2 : (c & 0xF8) == 0xF0 ? 3 : 0;
        if (more == 0 || i + more >= s.size()) return false;
        for (std::size_t k = 1; k <= more; ++k)
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
        i += more;
    }
    return true;
}

// Code page 437 (the old DOS code page, which ZIP names are in unless flagged UTF-8), as
// libzip maps it: control bytes are the symbols DOS drew for them.
constexpr char16_t kCp437[256] = {
    0x0000, 0x263a, 0x263b, 0x2665, 0x2666, 0x2663, 0x2660, 0x2022, 0x25d8, 0x25cb, 0x25d9, 0x2642, 0x2640, 0x266a,
    0x266b, 0x263c, 0x25ba, 0x25c4, 0x2195, 0x203c, 0x00b6, 0x00a7, 0x25ac, 0x21a8, 0x2191, 0x2193, 0x2192, 0x2190,
    0x221f, 0x2194, 0x25b2, 0x25bc, 0x0020, 0x0021, 0x0022, 0x0023, 0x0024, 0x0025, 0x0026, 0x0027, 0x0028, 0x0029,
    0x002a, 0x002b, 0x002c, 0x002d, 0x002e, 0x002f, 0x0030, 0x0031, 0x0032, 0x0033, 0x0034, 0x0035, 0x0036, 0x0037,
    0x0038, 0x0039, 0x003a, 0x003b, 0x003c, 0x003d, 0x003e, 0x003f, 0x0040, 0x0041, 0x0042, 0x0043, 0x0044, 0x0045,
    0x0046, 0x0047, 0x0048, 0x0049, 0x004a, 0x004b, 0x004c, 0x004d, 0x004e, 0x004f, 0x0050, 0x0051, 0x0052, 0x0053,
    0x0054, 0x0055, 0x0056, 0x0057, 0x0058, 0x0059, 0x005a, 0x005b, 0x005c, 0x005d, 0x005e, 0x005f, 0x0060, 0x0061,
    0x0062, 0x0063, 0x0064, 0x0065, 0x0066, 0x0067, 0x0068, 0x0069, 0x006a, 0x006b, 0x006c, 0x006d, 0x006e, 0x006f,
    0x0070, 0x0071, 0x0072, 0x0073, 0x0074, 0x0075, 0x0076, 0x0077, 0x0078, 0x0079, 0x007a, 0x007b, 0x007c, 0x007d,
    0x007e, 0x2302, 0x00c7, 0x00fc, 0x00e9, 0x00e2, 0x00e4, 0x00e0, 0x00e5, 0x00e7, 0x00ea, 0x00eb, 0x00e8, 0x00ef,
    0x00ee, 0x00ec, 0x00c4, 0x00c5, 0x00c9, 0x00e6, 0x00c6, 0x00f4, 0x00f6, 0x00f2, 0x00fb, 0x00f9, 0x00ff, 0x00d6,
    0x00dc, 0x00a2, 0x00a3, 0x00a5, 0x20a7, 0x0192, 0x00e1, 0x00ed, 0x00f3, 0x00fa, 0x00f1, 0x00d1, 0x00aa, 0x00ba,
    0x00bf, 0x2310, 0x00ac, 0x00bd, 0x00bc, 0x00a1, 0x00ab, 0x00bb, 0x2591, 0x2592, 0x2593, 0x2502, 0x2524, 0x2561,
    0x2562, 0x2556, 0x2555, 0x2563, 0x2551, 0x2557, 0x255d, 0x255c, 0x255b, 0x2510, 0x2514, 0x2534, 0x252c, 0x251c,
    0x2500, 0x253c, 0x255e, 0x255f, 0x255a, 0x2554, 0x2569, 0x2566, 0x2560, 0x2550, 0x256c, 0x2567, 0x2568, 0x2564,
    0x2565, 0x2559, 0x2558, 0x2552, 0x2553, 0x256b, 0x256a, 0x2518, 0x250c, 0x2588, 0x2584, 0x258c, 0x2590, 0x2580,
    0x03b1, 0x00df, 0x0393, 0x03c0, 0x03a3, 0x03c3, 0x00b5, 0x03c4, 0x03a6, 0x0398, 0x03a9, 0x03b4, 0x221e, 0x03c6,
    0x03b5, 0x2229, 0x2261, 0x00b1, 0x2265, 0x2264, 0x2320, 0x2321, 0x00f7, 0x2248, 0x00b0, 0x2219, 0x00b7, 0x221a,
    0x207f, 0x00b2, 0x25a0, 0x00a0};

std::string utf8_from_cp437(std::string_view s) {
    std::string out;
    for (char byte : s) {
        const char16_t c = kCp437[static_cast<unsigned char>(byte)];
        if (c < 0x80) {
            out += static_cast<char>(c);
        } else if (c < 0x800) {
            out += static_cast<char>(0xC0 | (c >> 6));
            out += static_cast<char>(0x80 | (c & 0x3F));
        } else {
            out += static_cast<char>(0xE0 | (c >> 12));
            out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (c & 0x3F));
        }
    }
    return out;
}

// A header's name as libzip reads it: the Info-ZIP UTF-8 name field when it is there, well
// formed and made for this name (its CRC is the name's), else the name as written.
std::string_view header_name(std::string_view raw, std::string_view extra) {
    const auto field = extra_field(extra, kUtf8NameField);
    if (!field || field->size() < 5 || (*field)[0] != 1) return raw;
    if (get32(*field, 1) != libdeflate_crc32(0, raw.data(), raw.size())) return raw;
    const std::string_view utf8 = field->substr(5);
    return utf8_by_bits(utf8) ? utf8 : raw;
}

// What the library handed its callers as the name: a C string (cut at a NUL), UTF-8.
std::string shown_name(std::string_view name, bool flagged_utf8) {
    name = name.substr(0, name.find('\0'));
    if (flagged_utf8 || utf8_by_bits(name)) return std::string(name);
    return utf8_from_cp437(name);
}

}  // namespace

std::optional<std::vector<StoredEntry>> read_directory(std::string_view bytes, std::string& error) {
    std::vector<StoredEntry> entries;
    if (bytes.empty()) return entries;  // libzip took an empty file for an empty package
    auto fail = [&](const char* why) -> std::optional<std::vector<StoredEntry>> {
        error = why;
        return std::nullopt;
    };
    // The end record: the last one in the file (a comment of up to 64 KB may follow it).
    if (bytes.size() < kEndSize) return fail(kNotZip);
    std::size_t end = bytes.size() - kEndSize;
    const std::size_t lowest = bytes.size() > kEndSize + 0xFFFF ? bytes.size() - kEndSize - 0xFFFF : 0;
    while (get32(bytes, end) != kEndSignature) {
        if (end == lowest) return fail(kNotZip);
        --end;
    }
    if (bytes.size() - end - kEndSize < get16(bytes, end + 20)) return fail(kInconsistent);  // its comment
    std::uint64_t count = get16(bytes, end + 10), directory_size = get32(bytes, end + 12),
                  directory_at = get32(bytes, end + 16);
    bool multi_disk = get32(bytes, end + 4) != 0, count_differs = get16(bytes, end + 8) != count;
    std::uint64_t directory_end = end;
    // ZIP64: the end record's fields are at their largest and a locator points to the real ones.
    if (end >= kEnd64LocatorSize && get32(bytes, end - kEnd64LocatorSize) == kEnd64LocatorSignature) {
        const std::uint64_t at = get64(bytes, end - kEnd64LocatorSize + 8);
        if (at > end - kEnd64LocatorSize || end - kEnd64LocatorSize - at < kEnd64Size ||
            get32(bytes, static_cast<std::size_t>(at)) != kEnd64Signature)
            return fail(kInconsistent);
        const std::size_t e = static_cast<std::size_t>(at);
        multi_disk = get32(bytes, e + 16) != 0 || get32(bytes, e + 20) != 0;
        count_differs = get64(bytes, e + 24) != get64(bytes, e + 32);
        count = get64(bytes, e + 32);
        directory_size = get64(bytes, e + 40);
        directory_at = get64(bytes, e + 48);
        directory_end = at;
    }
    if (multi_disk) return fail(kMultiDisk);
    if (count_differs) return fail(kNotZip);
    // (the directory must end where the end record starts)
    if (directory_at > directory_end || directory_size != directory_end - directory_at) return fail(kInconsistent);
    if (count > directory_size / kCentralSize) return fail(kInconsistent);

    entries.reserve(static_cast<std::size_t>(count));
    // Where each entry's local header and data are, from the directory.
    struct Place {
        std::uint64_t offset, compressed_size;
        std::uint32_t stamp;
        std::uint16_t version_needed;
        std::size_t name_size;
    };
    std::vector<Place> places;
    places.reserve(entries.capacity());
    std::size_t at = static_cast<std::size_t>(directory_at);
    const std::size_t directory_stop = static_cast<std::size_t>(directory_at + directory_size);
    for (std::uint64_t i = 0; i < count; ++i) {
        if (directory_stop - at < kCentralSize) return fail(kInconsistent);
        if (get32(bytes, at) != kCentralSignature) return fail(kNotZip);
        const std::size_t name_size = get16(bytes, at + 28), extra_size = get16(bytes, at + 30),
                          comment_size = get16(bytes, at + 32);
        if (directory_stop - at - kCentralSize < name_size + extra_size + comment_size) return fail(kInconsistent);
        StoredEntry e;
        e.flags = get16(bytes, at + 8);
        e.method = get16(bytes, at + 10);
        const std::uint32_t stamp = get32(bytes, at + 12);
        const std::uint16_t version_needed = get16(bytes, at + 6);
        e.crc = get32(bytes, at + 16);
        std::uint64_t compressed_size = get32(bytes, at + 20);
        e.size = get32(bytes, at + 24);
        std::uint64_t offset = get32(bytes, at + 42);
        const std::string_view raw = bytes.substr(at + kCentralSize, name_size);
        const std::string_view extra = bytes.substr(at + kCentralSize + name_size, extra_size);
        if (auto zip64 = extra_field(extra, kZip64Field)) {
            std::size_t k = 0;
            auto wide = [&](std::uint64_t& value) {
                if (value != 0xFFFFFFFFu) return true;
                if (k + 8 > zip64->size()) return false;
                value = get64(*zip64, k);
                k += 8;
                return true;
            };
            if (!wide(e.size) || !wide(compressed_size) || !wide(offset)) return fail(kInconsistent);
        }
        if (!well_formed(extra)) return fail(kInconsistent);
        e.raw_name = header_name(raw, extra);
        if ((e.flags & kFlagUtf8) && !utf8_by_bits(e.raw_name)) return fail(kInconsistent);
        e.name = shown_name(e.raw_name, e.flags & kFlagUtf8);
        at += kCentralSize + name_size + extra_size + comment_size;
        entries.push_back(std::move(e));
        places.push_back({offset, compressed_size, stamp, version_needed, name_size});
    }
    if (at != directory_stop) return fail(kInconsistent);

    // Each local header must agree with the directory (libzip's ZIP_CHECKCONS), and the data
    // must lie before the directory.
    for (std::size_t i = 0; i < entries.size(); ++i) {
        StoredEntry& e = entries[i];
        const auto [offset, compressed_size, stamp, version_needed, name_size] = places[i];
        if (offset > directory_at || directory_at - offset < kLocalSize + name_size ||
            directory_at - offset - kLocalSize - name_size < compressed_size)
            return fail(kNotZip);
        const std::size_t local = static_cast<std::size_t>(offset);
        if (get32(bytes, local) != kLocalSignature) return fail(kNotZip);
        const std::size_t local_name_size = get16(bytes, local + 26), local_extra_size = get16(bytes, local + 28);
        const std::size_t data_at = local + kLocalSize + local_name_size + local_extra_size;
        if (data_at > bytes.size() || bytes.size() - data_at < compressed_size) return fail(kTruncated);
        const std::string_view local_extra = bytes.substr(local + kLocalSize + local_name_size, local_extra_size);
        if (!well_formed(local_extra)) return fail(kInconsistent);
        const std::uint16_t local_flags = get16(bytes, local + 6);
        std::uint32_t local_crc = get32(bytes, local + 14);
        std::uint64_t local_compressed = get32(bytes, local + 18), local_size = get32(bytes, local + 22);
        if (local_compressed == 0xFFFFFFFFu || local_size == 0xFFFFFFFFu)
            if (auto zip64 = extra_field(local_extra, kZip64Field); zip64 && zip64->size() >= 16) {
                local_size = get64(*zip64, 0);
                local_compressed = get64(*zip64, 8);
            }
        if (version_needed < get16(bytes, local + 4) || get16(bytes, local + 8) != e.method ||
            get32(bytes, local + 10) != stamp ||
            header_name(bytes.substr(local + kLocalSize, local_name_size), local_extra) != e.raw_name)
            return fail(kInconsistent);
        // (Info-ZIP writes the real values in the local header even with a data descriptor)
        const bool described_later =
            (local_flags & kFlagDataDescriptor) && local_crc == 0 && local_compressed == 0 && local_size == 0;
        if (!described_later && (local_crc != e.crc || local_compressed != compressed_size || local_size != e.size))
            return fail(kInconsistent);
        e.compressed = bytes.substr(data_at, static_cast<std::size_t>(compressed_size));
    }
    std::set<std::string_view> names;
    for (const StoredEntry& e : entries)
        if (!names.insert(e.name).second) return fail(kDuplicate);
    return entries;
}

}  // namespace detail

namespace {

// "../x", "a/../../x", "/x", "C:\x", "\\server\x": names that would leave the package.
bool unsafe_name(std::string_view name) {
    if (name.empty() || name[0] == '/' || name[0] == '\\') return true;
    if (name.size() > 1 && name[1] == ':') return true;
    std::size_t start = 0;
    while (start <= name.size()) {
        std::size_t end = name.find_first_of("/\\", start);
        if (end == std::string_view::npos) end = name.size();
        if (name.substr(start, end - start) == "..") return true;
        start = end + 1;
    }
    return false;
}

constexpr std::uint16_t kStored = 0, kDeflated = 8;
constexpr std::uint16_t kFlagEncrypted = 0x0001;

// Inflates `compressed` into `out` as libzip did, with zlib a piece at a time (the size in
// the directory may lie, so the limit holds for the bytes inflated): data that ends before
// its last block is taken as it is. False when the data is not deflate, or when more than
// `room` bytes come out (then `out` holds more than `room`).
bool inflate_part(std::string_view compressed, std::uint64_t room, std::string& out) {
    z_stream z{};
    if (compressed.size() > UINT_MAX || inflateInit2(&z, -MAX_WBITS) != Z_OK) return false;
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
    z.avail_in = static_cast<uInt>(compressed.size());
    int r = Z_OK;
    while (r == Z_OK && out.size() <= room) {
        const std::size_t had = out.size();
        out.resize(had + (std::size_t(1) << 16));
        z.next_out = reinterpret_cast<Bytef*>(out.data() + had);
        z.avail_out = 1u << 16;
        r = inflate(&z, Z_NO_FLUSH);
        out.resize(out.size() - z.avail_out);
    }
    inflateEnd(&z);
    return (r == Z_STREAM_END || r == Z_BUF_ERROR) && out.size() <= room;
}

}  // namespace

std::optional<std::map<std::string, std::string>> read_zip(std::string_view bytes, std::string& error,
                                                           const ZipLimits& limits) {
    auto directory = detail::read_directory(bytes, error);
    if (!directory) {
        error = "not a valid zip package (" + error + ")";
        return std::nullopt;
    }
    if (directory->size() > limits.max_entries) {
        error = "the package has too many entries (" + std::to_string(directory->size()) + ")";
        return std::nullopt;
    }
    std::map<std::string, std::string> entries;
    std::uint64_t total = 0;
    for (const detail::StoredEntry& e : *directory) {
        if (unsafe_name(e.name)) {
            error = "the package has an entry named '" + e.name + "' that points outside it; refused";
            return std::nullopt;
        }
        if (!e.name.empty() && e.name.back() == '/') continue;
        auto cannot = [&](const char* verb, const char* why) {
            error = std::string("cannot ") + verb + " '" + e.name + "' in the package: " + why;
            return std::nullopt;
        };
        if (e.flags & kFlagEncrypted) return cannot("open", "No password provided");
        if (e.method != kStored && e.method != kDeflated) return cannot("open", "Compression method not supported");
        const std::uint64_t room = limits.max_total_bytes - std::min(total, limits.max_total_bytes);
        auto too_large = [&] {
            error = "the package inflates to more than " + std::to_string(limits.max_total_bytes >> 20) +
                    " MB; refused (a zip bomb?)";
            return std::nullopt;
        };
        std::string data;
        if (e.method == kStored) {
            if (e.compressed.size() > room) return too_large();
            if (e.compressed.size() != e.size) return cannot("read", "Zip archive inconsistent");
            if (libdeflate_crc32(0, e.compressed.data(), e.compressed.size()) != e.crc)
                return cannot("read", "CRC error");
            data.assign(e.compressed);
        } else if (!inflate_part(e.compressed, room, data)) {
            return data.size() > room ? too_large() : cannot("read", "Zlib error: data error");
        }
        total += data.size();
        if (total > limits.max_total_bytes) return too_large();
        // (a deflated part's stated size is not held against it, as libzip did not)
        if (e.method == kDeflated && libdeflate_crc32(0, data.data(), data.size()) != e.crc)
            return cannot("read", "CRC error");
        entries.emplace(e.name, std::move(data));
    }
    return entries;
}

}  // namespace protopub::package
