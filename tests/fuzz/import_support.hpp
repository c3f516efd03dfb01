// Shared by the import fuzz targets: what an import that succeeded must give.
#pragma once

#include "fuzz_support.hpp"
#include "import/import.hpp"
#include "source/reader.hpp"
#include "source/writer.hpp"

namespace fuzzing {

// The source written from an import is UTF-8 and reads back.
inline void require_source_reads_back(const protopub::import::ImportResult& r) {
    if (!r.ok) return;
    protopub::model::Diagnostics again;
    const std::string written = protopub::source::write_protocol(r.protocol);
    require_utf8(written, "the imported source");
    protopub::source::read_protocol(written, "imported.md", again);
}

}  // namespace fuzzing
