// The two plain data formats analysts get (refs --json, diff and compare JSON/CSV),
// escaped in one place.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace protopub::model {

// A JSON string literal, quotes included: "a \"b\"\n" (control characters as \uXXXX).
std::string json_string(std::string_view s);
// The same literal appended to `out`, for writers of large documents.
void append_json_string(std::string& out, std::string_view s);

// One CSV cell, for every CSV protopub writes: quoted when it needs it (RFC 4180), quotes
// doubled, and text a spreadsheet would run as a formula (starting with = + - @, a tab or a
// carriage return) turned into text by a leading apostrophe.
std::string csv_cell(std::string_view s);
void append_csv_cell(std::string& out, std::string_view s);
// One RFC 4180 CSV line of csv_cell()s, CRLF-terminated.
std::string csv_row(const std::vector<std::string>& fields);
void append_csv_row(std::string& out, std::initializer_list<std::string_view> fields);

}  // namespace protopub::model
