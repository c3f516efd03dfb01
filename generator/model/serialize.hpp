// The two plain data formats analysts get (refs --json, diff and compare JSON/CSV),
// escaped in one place.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace protopub::model {

// A JSON string literal, quotes included: "a \"b\"\n" (control characters as \uXXXX).
std::string json_string(std::string_view s);

// One RFC 4180 CSV line, CRLF-terminated: fields quoted when they need it, quotes doubled.
std::string csv_row(const std::vector<std::string>& fields);

}  // namespace protopub::model
