// Reading zip packages (.docx) held in memory. libzip is used here and in the package
// writer only. Hostile input is expected: entry names that climb out of the package
// ("../x", "/etc/x") and archives that inflate to gigabytes (zip bombs) are refused
// with a clear message instead of being read.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace protopub::package {

struct ZipLimits {
    std::uint64_t max_total_bytes = std::uint64_t(256) << 20;  // all entries, uncompressed
    std::uint64_t max_entries = 10000;
};

// Entry name -> uncompressed bytes (folders left out). nullopt with `error` set to a
// sentence when `bytes` is not a zip, is damaged, or breaks a limit.
std::optional<std::map<std::string, std::string>> read_zip(std::string_view bytes, std::string& error,
                                                           const ZipLimits& limits = {});

}  // namespace protopub::package
