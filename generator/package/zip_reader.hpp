// Reading zip packages (.docx) held in memory: the ZIP layout is read here (ZIP64 too) and
// parts are inflated by zlib. Hostile input is expected: entry names that climb out
// of the package ("../x", "/etc/x") and archives that inflate to gigabytes (zip bombs) are
// refused with a clear message instead of being read. Damaged packages are described in
// libzip's words (it read them before, and its messages are what users have seen).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace protopub::package {

struct ZipLimits {
    std::uint64_t max_total_bytes = std::uint64_t(256) << 20;  // all entries, uncompressed
    std::uint64_t max_entries = 10000;
};

// Entry name -> uncompressed bytes (folders left out). nullopt with `error` set to a
// sentence when `bytes` is not a zip, is damaged, or breaks a limit.
std::optional<std::map<std::string, std::string>> read_zip(std::string_view bytes, std::string& error,
                                                           const ZipLimits& limits = {});

namespace detail {

// An entry of a package's central directory, its local header found to agree with it.
struct StoredEntry {
    std::string name;  // UTF-8 (a name the package wrote in the old DOS code page is converted)
    std::string_view raw_name;  // as the package holds it (or its Info-ZIP UTF-8 name field)
    std::uint16_t flags = 0;
    std::uint16_t method = 0;  // 0 stored, 8 deflated
    std::uint32_t crc = 0;
    std::uint64_t size = 0;       // uncompressed, as the directory says
    std::string_view compressed;  // the entry's data as it is in the package
};

// The entries of the package `bytes` in directory order, or nullopt with `error` set to
// libzip's words for what is wrong ("Not a zip archive", "Zip archive inconsistent").
std::optional<std::vector<StoredEntry>> read_directory(std::string_view bytes, std::string& error);

}  // namespace detail

}  // namespace protopub::package
