// The source reader: Markdown + YAML front matter -> model::Protocol.
// cmark-gfm and yaml-cpp are used here and nowhere else.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "model/diagnostics.hpp"
#include "model/protocol.hpp"

namespace protopub::source {

// The largest source protopub reads: ten times a whole constitution (1.5 MB). Anything
// larger is not a protocol, and reading and rendering it would take minutes and gigabytes.
inline constexpr std::size_t kMaxSourceBytes = std::size_t(16) << 20;

// How read_protocol() reads: tests compare its two ways of reading a paragraph.
struct ReadOptions {
    // Paragraphs and headings of plain words are cut from the source rather than parsed by
    // cmark (the same model, in a fraction of the time).
    bool plain_blocks = true;
};

// Parses the text of one source file. Never throws: every problem is recorded in
// `diags` with its file:line:col, and as much of the protocol as could be read is
// returned (nothing for a text over kMaxSourceBytes). `path` is used for diagnostics and kept in Protocol::source_path.
model::Protocol read_protocol(std::string_view text, const std::string& path, model::Diagnostics& diags,
                              const ReadOptions& options = {});

// Reads `path` through io::read_file and parses it. nullopt (with an error in `diags`)
// only when the file cannot be read at all or is over kMaxSourceBytes.
std::optional<model::Protocol> load_protocol(const std::string& path, model::Diagnostics& diags);

}  // namespace protopub::source
