// Small text helpers shared by every stage: UTF-8, plain text of inlines, slugs, numbers.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/protocol.hpp"

namespace protopub::model {

// Offset of the first invalid UTF-8 byte, or npos when the text is valid.
std::size_t find_invalid_utf8(std::string_view s);

// The words of some inline content as plain text (breaks become spaces).
std::string plain_text(const Inlines& inlines);
// All words of a block (paragraphs, list items with their labels, table cells, quotes).
std::string plain_text(const Block& block);
// The clause's heading and blocks, without its number: what a diff or compare reads.
std::string plain_text(const Clause& clause);

// "Close personal relationships" -> "close-personal-relationships" (ASCII, lowercase).
std::string slugify(std::string_view text, std::size_t max_words = 6);

// Parse "4.21", "24.5.", "10" into parts; false if `s` is not a clause number.
bool parse_clause_number(std::string_view s, std::vector<int>& parts);
// {4, 21} -> "4.21"
std::string join_number(const std::vector<int>& parts);

// Split on ASCII/Unicode whitespace into words (used by word-sequence checks and diffs).
std::vector<std::string> split_words(std::string_view text);

std::string trim(std::string_view s);

}  // namespace protopub::model
