#pragma once
// Building model content in code: the documents protopub writes itself (the comparison's
// PDF, a committee report, a constitution's adoption record, a history page) are models
// like any protocol, so every renderer draws them. One set of builders for all of them.
#include <string>
#include <vector>

#include "model/protocol.hpp"

namespace protopub::model::make {

Inline text(const std::string& words);
// Words inside one mark: strong, emphasis, inserted, deleted ...
Inline marked(InlineKind kind, const std::string& words);
Inline link(const std::string& words, const std::string& target);

Block paragraph(Inlines inlines);
Block strong_paragraph(const std::string& words);
// A bulleted list, one paragraph per item.
Block bullets(const std::vector<std::string>& items);
// A table of plain cells; the first row is its header row.
Block table(const std::vector<std::vector<std::string>>& rows);

// A section with a given (not derived) id, and its opening blocks.
Section section(const std::string& id, const std::string& heading, std::vector<Block> intro);

}  // namespace protopub::model::make
