// Writes ZIP packages (.docx) in memory, deterministically: entries in the order they are
// added, one fixed time stamp, no extra fields, so the same parts give the same bytes.
// The ZIP layout is written here and parts are deflated by libdeflate; entries copied from
// another package are found by the package reader (zip_reader.hpp).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace protopub::package {

struct ZipEntry {
    std::string name;  // path inside the package ("word/document.xml")
    std::string bytes;
    // A zip package holding an entry `name` with these bytes, deflated or stored: that
    // entry is copied as it is (not inflated and deflated again), so a part many packages
    // share costs nothing after the first. `bytes` is used when it cannot be.
    const std::string* copy_from = nullptr;
};

// The package's bytes, or nullopt with `error` set. `epoch` (seconds since 1970, UTC)
// is stamped on every entry; ZIP keeps local DOS time with 2-second resolution.
std::optional<std::string> write_zip(const std::vector<ZipEntry>& entries, std::int64_t epoch, std::string& error);

}  // namespace protopub::package
