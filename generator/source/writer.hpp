// The source writer: model::Protocol -> source Markdown, the exact inverse of the reader.
// read_protocol(write_protocol(p)) gives back the same sections, clauses, numbers, ids,
// blocks and words. Every section and clause id is written explicitly, so an imported
// file keeps its ids for life. Each paragraph is written on one line, so a git diff of
// the source shows one changed line per changed paragraph. One thing cannot be kept as
// plain text: an e-mail address (GFM reads it as a mailto: link whatever the escaping),
// so importers make addresses links before they write.
#pragma once

#include <string>

#include "model/protocol.hpp"

namespace protopub::source {

std::string write_protocol(const model::Protocol& p);

}  // namespace protopub::source
