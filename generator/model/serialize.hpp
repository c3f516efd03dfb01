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

// For writers that make room before they write (a document of many short pieces): the
// same literal written at `out`, which has room for json_room(s) bytes (every byte a
// \uXXXX at worst). Returns the end of what was written.
constexpr std::size_t json_room(std::string_view s) { return 6 * s.size() + 2; }
char* write_json_string(char* out, std::string_view s);

// One CSV cell, for every CSV protopub writes: quoted when it needs it (RFC 4180), quotes
// doubled, and text a spreadsheet would run as a formula (starting with = + - @, a tab or a
// carriage return) turned into text by a leading apostrophe.
std::string csv_cell(std::string_view s);
void append_csv_cell(std::string& out, std::string_view s);
// The same cell written at `out`, which has room for csv_room(s) bytes; returns its end.
constexpr std::size_t csv_room(std::string_view s) { return 2 * s.size() + 3; }
char* write_csv_cell(char* out, std::string_view s);
// One RFC 4180 CSV line of csv_cell()s, CRLF-terminated.
std::string csv_row(const std::vector<std::string>& fields);
void append_csv_row(std::string& out, std::initializer_list<std::string_view> fields);
// The same line written at `out`, which has room for csv_row_room(fields) bytes.
std::size_t csv_row_room(std::initializer_list<std::string_view> fields);
char* write_csv_row(char* out, std::initializer_list<std::string_view> fields);

}  // namespace protopub::model
